// Parse and validate the three ledger files together, collecting every issue.
import type { z } from "zod";
import { parseCsv, type CsvRecord } from "./csv.ts";
import { sortIssues, type LedgerIssue } from "./errors.ts";
import { claimRowSchema, conflictRowSchema, copyRowSchema, sourceRowSchema, splitList } from "./schema.ts";
import type { CitedClaim, Claim, Conflict, Ledger, Source, SourceCopy } from "./types.ts";
import { CLAIM_COLUMNS, CONFLICT_COLUMNS, COPY_COLUMNS, SOURCE_COLUMNS } from "./vocabulary.ts";

export interface LedgerFile {
  /** Path shown in messages, e.g. data/claims.csv. */
  label: string;
  text: string;
}

export interface LedgerFiles {
  sources: LedgerFile;
  copies: LedgerFile;
  claims: LedgerFile;
  conflicts: LedgerFile;
}

export interface ValidationResult {
  ledger: Ledger;
  /** Sorted by file (sources, copies, claims, conflicts), then line and column. */
  issues: LedgerIssue[];
}

export function validateLedger(files: LedgerFiles): ValidationResult {
  type SourceRow = Omit<Source, "copies">;
  const sources = parseFile<SourceRow, (typeof SOURCE_COLUMNS)[number]>(files.sources, SOURCE_COLUMNS, sourceRowSchema);
  // Rows with a bad field still register their id and parties, so rows that
  // cite them are not reported twice.
  const attributedPartiesBySource = new Map(
    sources.records.map(({ fields }) => [fields.id, splitList(fields.attributed_parties)]),
  );
  const copies = parseFile<SourceCopy, (typeof COPY_COLUMNS)[number]>(
    files.copies,
    COPY_COLUMNS,
    copyRowSchema({ sourcesFile: files.sources.label, sourceIds: new Set(attributedPartiesBySource.keys()) }),
  );
  const claims = parseFile<Claim, (typeof CLAIM_COLUMNS)[number]>(
    files.claims,
    CLAIM_COLUMNS,
    claimRowSchema({ sourcesFile: files.sources.label, attributedPartiesBySource }),
  );
  const claimIds = new Set(claims.records.map(({ fields }) => fields.id));
  const conflicts = parseFile<Conflict, (typeof CONFLICT_COLUMNS)[number]>(
    files.conflicts,
    CONFLICT_COLUMNS,
    conflictRowSchema({ claimsFile: files.claims.label, claimIds }),
  );

  const linkIssues: LedgerIssue[] = [
    ...noRows(files.sources, sources, "sources", "add a row for each piece of writing the claims cite"),
    ...noRows(files.claims, claims, "claims", "add a row for each figure the sources print; the site has nothing to cite without them"),
  ];
  const sourceValues = sources.values.map((source): Source => {
    const own = copies.values.filter((copy) => copy.sourceId === source.id);
    const named = copies.records.some(({ fields }) => fields.source_id === source.id);
    if (!named) {
      linkIssues.push({
        file: files.sources.label,
        line: source.line,
        column: 1,
        message: `source "${source.id}" has no copy in ${files.copies.label}; add a row for each place the piece is printed`,
      });
    }
    return { ...source, copies: own };
  });

  // A claim whose source row is invalid is left out; the source's issue is reported.
  const sourceById = new Map(sourceValues.map((source) => [source.id, source]));
  const copiesColumn = CLAIM_COLUMNS.indexOf("copies") + 1;
  const citedClaims = claims.values.flatMap((claim): CitedClaim[] => {
    const source = sourceById.get(claim.sourceId);
    if (!source) return [];
    const own = source.copies.map((copy) => copy.id);
    for (const id of claim.copyIds.filter((id) => !own.includes(id))) {
      linkIssues.push({
        file: files.claims.label,
        line: claim.line,
        column: copiesColumn,
        message: `copy "${id}" is not a copy of source "${source.id}" in ${files.copies.label}; use ${own.join(", ")}, or leave copies empty when every copy prints the quote`,
      });
    }
    return [{ ...claim, source, copyIds: claim.copyIds.length > 0 ? claim.copyIds : own }];
  });

  return {
    ledger: { sources: sourceValues, claims: citedClaims, conflicts: conflicts.values },
    issues: sortIssues([...sources.issues, ...linkIssues, ...copies.issues, ...claims.issues, ...conflicts.issues], [files.sources.label, files.copies.label, files.claims.label, files.conflicts.label]),
  };
}

/** A file with its header and no rows is an error, not an empty ledger (a file that failed to parse is reported already). */
function noRows(file: LedgerFile, parsed: ParsedFile<unknown, string>, what: string, fix: string): LedgerIssue[] {
  if (parsed.records.length > 0 || parsed.issues.length > 0) return [];
  return [{ file: file.label, line: 1, column: 1, message: `no ${what}: the file has a header and no rows; ${fix}` }];
}

interface ParsedFile<Value, Column extends string> {
  records: CsvRecord<Column>[];
  values: Value[];
  issues: LedgerIssue[];
}

/** Parse one file; a repeated id is reported once and its row skipped. */
function parseFile<Value extends { line: number }, Column extends string>(
  file: LedgerFile,
  columns: readonly Column[],
  schema: z.ZodType<Omit<Value, "line">>,
): ParsedFile<Value, Column> {
  const { records, issues } = parseCsv(file.text, file.label, columns);
  const values: Value[] = [];
  const firstLineById = new Map<string, number>();

  for (const { line, fields } of records) {
    const id = (fields as Record<string, string>).id ?? "";
    const firstLine = firstLineById.get(id);
    if (firstLine !== undefined) {
      issues.push({
        file: file.label,
        line,
        column: 1,
        message: `id "${id}" is already used on line ${firstLine}; give each row a unique id`,
      });
      continue;
    }
    firstLineById.set(id, line);

    const result = schema.safeParse(fields);
    if (result.success) {
      values.push({ ...result.data, line } as Value);
      continue;
    }
    for (const issue of result.error.issues) {
      const column = columns.indexOf(issue.path[0] as Column);
      issues.push({ file: file.label, line, column: column >= 0 ? column + 1 : 1, message: issue.message });
    }
  }
  return { records, values, issues: sortIssues(issues) };
}
