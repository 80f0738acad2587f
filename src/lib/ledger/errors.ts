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

export function sortIssues(issues: LedgerIssue[]): LedgerIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Thrown by loadLedger; the message lists every issue, one per line. */
export class LedgerError extends Error {
  readonly issues: readonly LedgerIssue[];

  constructor(issues: LedgerIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "LedgerError";
    this.issues = issues;
  }
}
