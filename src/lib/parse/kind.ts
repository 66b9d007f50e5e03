/**
 * Which kind of document a text is: a notice of commitments, or a report on
 * their progress. Pure; looks only at the title and first lines.
 */

/** Words that, in a title or the first lines, mark a progress or completion report. */
const reportWords = /进展情况|完成情况|进度公示|推进情况|落实情况|截至\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底)?/u;

/** Returns `report` when the title or first lines name a progress or completion report, else `notice`. */
export function documentKind(text: string): 'notice' | 'report' {
  const head = text
    .split(/\r\n|\r|\n/u)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, 5)
    .join('\n');
  return reportWords.test(head) ? 'report' : 'notice';
}
