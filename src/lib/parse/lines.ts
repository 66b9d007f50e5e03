/**
 * Source lines: splitting a notice into numbered lines, cleaning Word
 * artefacts, and recognising the lines that carry document metadata.
 */
import type { Warning } from '../schema.ts';
import { isYear } from '../schema.ts';
import { readingText } from './normalize.ts';
import { fold, numeral, squash } from './text.ts';

/** One line of the source notice. */
export interface SourceLine {
  /** 1-based line number. */
  no: number;
  /** The line as written (without its line break). */
  raw: string;
  /** The line cleaned of artefacts, white space squashed. Empty for a blank line. */
  text: string;
  /**
   * The same line as the parser reads its structure: Simplified characters,
   * no mirror pinyin (`normalize.ts`). Equal to `text` for most lines; never
   * shown, the record keeps `text`.
   */
  read: string;
  /**
   * How many characters of `text` a numbering marker takes when a reader
   * found one that `readMarker` does not (`1开展…`, a number on its own line).
   */
  cut?: number;
  /** True when the line starts with a tab: a table cell flattened to text. */
  tab: boolean;
}

/** Word artefacts that conversion to text leaves behind: `[bookmark: _GoBack]` and kin. */
// `[^\][]` stops at the next `[`: an unclosed `[bookmark:` repeated on a long line stays linear.
const artefact = /\[(?:bookmark|footnote|endnote|comment|annotation)\s*:[^\][]*\]/giu;
/** Characters that are not text at all: BOM, zero-width and control characters. */
const invisible = /[\ufeff\u200b-\u200d\u2060\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu;

/** Returns the lines of a text as written: split at any line break, a final line break making no line. */
export function splitLines(input: string): string[] {
  const lines = input.split(/\r\n|\r|\n/u);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** Returns the notice's lines, cleaned, with warnings for what cleaning removed. */
export function readLines(input: string): { lines: SourceLine[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const lines = splitLines(input).map((raw, i): SourceLine => {
    const no = i + 1;
    const removed = raw.match(artefact);
    if (removed) {
      warnings.push({ line: no, message: `已删除 Word 转换残留标记：${removed.join('、')}` });
    }
    const cleaned = raw.replace(artefact, '').replace(invisible, '');
    const text = squash(cleaned);
    return { no, raw: cleaned, text, read: text, tab: /^\t/u.test(cleaned) };
  });
  // The reading form, converted in one call (per-line calls cost more than the conversion).
  const read = readingText(lines.map((l) => l.text).join('\n')).split('\n');
  if (read.length === lines.length) lines.forEach((l, i) => (l.read = read[i] ?? l.text));
  else for (const l of lines) l.read = readingText(l.text);
  return { lines, warnings };
}

/** Returns the document number (文号) a line is, such as `济兖政发〔2023〕2号`. */
export function readDocNumber(text: string): string | undefined {
  const m = /^[\p{Script=Han}]{1,16}[〔［[（(]\s*\d{4}\s*[〕］\]）)]\s*\d{1,4}\s*号$/u.exec(fold(text));
  return m ? text : undefined;
}

/** Returns the issuing authority a line is, such as `济宁市兖州区人民政府`. */
export function readIssuer(text: string): string | undefined {
  return /^[\p{Script=Han}（）()]{2,30}(人民政府|政府|办公室|办公厅|管理委员会|管委会|委员会|办事处)$/u.test(text) ? text : undefined;
}

/** Returns `YYYY-MM-DD` when a line is a date alone (`2023年1月10日`, `二〇二三年一月十日`). */
export function readDate(text: string): string | undefined {
  const n = '([0-9０-９]+|[零〇一二三四五六七八九十]+)';
  const m = new RegExp(`^${n}\\s*年\\s*${n}\\s*月\\s*${n}\\s*日$`, 'u').exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  const yearDigits = [...m[1]].map((c) => String(numeral(c) ?? '')).join('');
  const year = /^\d{4}$/u.test(fold(m[1])) ? Number(fold(m[1])) : Number(yearDigits);
  const month = numeral(m[2]);
  const day = numeral(m[3]);
  if (!isYear(year) || !month || month > 12 || !day || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Returns true for a line that starts an appendix: `附件`, `附件1`, `附件二：`. */
export function isAppendixStart(text: string): boolean {
  return /^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$/u.test(text);
}

/**
 * Returns true for a line that belongs to a document's closing: copy lists,
 * references to attachments, publication notes, "特此通知".
 */
export function isClosingLine(text: string): boolean {
  return (
    /^(抄\s*送|抄\s*报|印\s*发|主题词|联系人|联系电话|附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：].+|特此通知|特此通告)/u.test(text) ||
    /^[（(]此件(公开发布|不公开|依申请公开)[）)]$/u.test(text) ||
    readDate(text) !== undefined ||
    readIssuer(text) !== undefined
  );
}

/** Returns the label a line is when it introduces implementation measures: `推进举措：`. */
export function isMeasuresLabel(text: string): boolean {
  return /^(推进|主要|工作|具体|实施|保障|落实)?(举措|措施|推进措施|工作措施)\s*[:：]?$/u.test(text);
}
