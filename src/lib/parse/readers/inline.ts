/**
 * The inline reader: items enumerated inside one paragraph — `（1）…（2）…`,
 * `(1)…`, `①…②…`, `1.…2.…`, `一是…二是…`, `第一，…第二，…`, `（一）…（二）…`.
 * In each paragraph the longest run 1, 2, 3… of one style makes the items;
 * the words before the first number lead in (a passage, or the group's name
 * when several paragraphs enumerate). Other lines are preamble before the
 * list and closing after it.
 */
import type { ItemDraft } from '../item.ts';
import type { SourceLine } from '../lines.ts';
import type { GroupDraft, Reading } from '../reading.ts';
import { emptyReading } from '../reading.ts';
import { chineseNumeral, squash } from '../text.ts';

/** One inline number found in a paragraph. */
interface Mark {
  value: number;
  /** Where the marker starts and where the item's text starts. */
  start: number;
  end: number;
}

const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const after = '(?<=^|[。；;，,：:！!？?\\s）)])';
const cn = '[一二三四五六七八九十]{1,3}';

/** The inline numbering styles: a pattern whose group 1 is the number. */
const styles: readonly RegExp[] = [
  /[（(]\s*(\d{1,2})\s*[）)]/gu,
  new RegExp(`[${circled}]`, 'gu'),
  new RegExp(`${after}(\\d{1,2})\\s*[.．、](?!\\d)`, 'gu'),
  new RegExp(`${after}(${cn})是`, 'gu'),
  new RegExp(`${after}第(${cn})[，,、：:]`, 'gu'),
  new RegExp(`[（(](${cn})[）)]`, 'gu'),
];

/** Returns the value of a marker's number. */
function valueOf(m: RegExpMatchArray): number | undefined {
  const raw = m[1] ?? m[0];
  if (circled.includes(raw)) return circled.indexOf(raw) + 1;
  return /^\d+$/u.test(raw) ? Number(raw) : chineseNumeral(raw);
}

/** Returns the longest run 1, 2, 3… of inline numbers in `text`, of any one style. */
function inlineRun(text: string): Mark[] {
  let best: Mark[] = [];
  for (const style of styles) {
    let run: Mark[] = [];
    for (const m of text.matchAll(style)) {
      const value = valueOf(m);
      if (value === undefined) continue;
      const mark = { value, start: m.index, end: m.index + m[0].length };
      if (value === run.length + 1) run.push(mark);
      else if (value === 1 && run.length < 2) run = [mark];
    }
    if (run.length > best.length) best = run;
  }
  return best.length >= 2 ? best : [];
}

/** Reads a zone whose items are enumerated inside paragraphs; undefined when none is. */
export function readInline(lines: readonly SourceLine[], appendix: boolean): Reading | undefined {
  const found = lines.flatMap((line) => {
    if (line.tab || line.read === '' || line.read !== line.text) return [];
    const run = inlineRun(line.text);
    return run.length > 0 ? [{ line, run }] : [];
  });
  if (found.length === 0) return undefined;
  const reading = emptyReading('inline');
  const many = found.length > 1;
  for (const { line, run } of found) {
    const lead = squash(line.text.slice(0, run[0]?.start ?? 0));
    let group: GroupDraft | undefined;
    if (many && lead.length > 0 && lead.length <= 30) {
      const name = squash(
        lead
          .replace(/^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*/u, '')
          .replace(/[：:，,。；;]+$/u, '')
          .replace(/^在(.+)方面$/u, '$1'),
      );
      if (name) {
        group = { value: reading.groups.length + 1, name, line: line.no, items: [] };
        reading.groups.push(group);
      }
    }
    if (lead && !group) reading.inline.push({ role: reading.items.length === 0 ? 'preamble' : 'explanation', text: lead, line: line.no });
    run.forEach((mark, i) => {
      const text = squash(line.text.slice(mark.end, run[i + 1]?.start ?? line.text.length));
      if (!text) return;
      const draft: ItemDraft = { value: mark.value, head: text, rest: [], parts: [], measures: [], lead: [], co: [], lines: [line.no] };
      if (group) {
        draft.category = group.name;
        group.items.push(draft);
      }
      reading.items.push(draft);
    });
  }
  const first = found[0]?.line.no ?? 0;
  const itemLines = new Set(found.map((f) => f.line.no));
  for (const l of lines) {
    if (l.text === '' || itemLines.has(l.no)) continue;
    reading.roles.set(l.no, l.no < first ? (appendix ? 'appendix' : 'preamble') : 'closing');
  }
  reading.notes.push(`${found.length}个段落内用序号列举事项`);
  return reading;
}
