// Ledger problems are reported as file:line:column: what is wrong; how to fix it.

export interface LedgerIssue {
  /** Path as shown to the researcher, relative to the project root when inside it. */
  file: string;
  /** 1-based physical line in the file. */
  line: number;
  /** 1-based column number (the field's position in the header), 1 for whole-row problems. */
  column: number;
  message: string;
}

export function formatIssue(issue: LedgerIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.message}`;
}

/** Issues in reading order: by file (in the given order), then line and column. */
export function sortIssues(issues: LedgerIssue[], fileOrder: readonly string[] = []): LedgerIssue[] {
  const rank = (issue: LedgerIssue) => fileOrder.indexOf(issue.file);
  return [...issues].sort((a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column);
}

/** An error that carries file:line:column issues; the message lists every issue, one per line. */
export class IssuesError extends Error {
  readonly issues: readonly LedgerIssue[];

  constructor(issues: LedgerIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = new.target.name;
    this.issues = issues;
  }
}

/** Thrown by loadLedger. */
export class LedgerError extends IssuesError {}
