/**
 * One defect found in a built site, and the one-line form the CLI and the
 * tests print it in. Pure.
 */

/** A defect at a place in a file of the build. */
export interface Problem {
  /** The file, as a posix path from the build's root (`2023/huaibei-xiangshan/index.html`). */
  readonly file: string;
  /** 1-based line and column. */
  readonly line: number;
  readonly column: number;
  /** The check that found it: an html-validate rule (`no-dup-id`) or one of the link checks (`missing-target`). */
  readonly rule: string;
  readonly message: string;
}

/** Returns `file:line:column: message (rule)`. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message} (${p.rule})`;
}

/** Returns problems in a stable order: by file, then position, then rule. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
}
