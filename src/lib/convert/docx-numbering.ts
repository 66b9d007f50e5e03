/**
 * Word's automatic numbering, rendered as the numbers a reader sees.
 *
 * In many notices the item numbers (`一、`, `（一）`, `1.`) exist only as list
 * numbering (`w:numPr` on a paragraph, or on its style), not in the text;
 * Word-to-HTML converters turn such paragraphs into `<ol>` items and the
 * numbers are lost. This module walks `word/document.xml` in reading order,
 * counts each list the way Word does, and writes each number as a text run at
 * the start of its paragraph, the paragraph's numbering removed — so that
 * any converter downstream sees the number as text.
 *
 * Counting, after ECMA-376 §17.9: counters belong to the abstract numbering
 * (lists sharing one continue each other); a `w:num`'s `w:startOverride`
 * restarts a level the first time that list is used; advancing a level
 * restarts every deeper level; `w:lvlText` (`%1、`, `（%1）`, `%1.%2`)
 * places the counters of levels 1…9 formatted by their `w:numFmt`.
 * Bullets are not numbers: their paragraphs keep their text only.
 */
import { numberToChinese } from './numerals.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** One level of a list's numbering. */
interface Level {
  start: number;
  format: string;
  text: string;
  legal: boolean;
}

/** The numbering definitions of a document. */
export interface Numbering {
  /** Levels of each abstract numbering, by id. */
  abstracts: Map<string, Level[]>;
  /** Each list (`w:num`): its abstract numbering and its start overrides by level. */
  nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
  /** The numbering a paragraph style carries, with its `basedOn` parent. */
  styles: Map<string, { numId?: string; ilvl?: number; basedOn?: string }>;
}

/** Returns the `w:val` of the first child of `e` named `name`. */
function val(e: Element, name: string): string | undefined {
  const child = firstChild(e, name);
  return child?.getAttributeNS(W, 'val') ?? child?.getAttribute('w:val') ?? undefined;
}

/** Returns the first direct child of `e` named `w:<name>`. */
function firstChild(e: Element, name: string): Element | undefined {
  for (let c = e.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as Element).localName === name) return c as Element;
  return undefined;
}

/** Returns the direct children of `e` named `w:<name>`. */
function children(e: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let c = e.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as Element).localName === name) out.push(c as Element);
  return out;
}

/** Returns the numbering definitions of `numbering.xml` and `styles.xml` (either may be absent). */
export function readNumbering(numberingXml: Document | undefined, stylesXml: Document | undefined): Numbering {
  const abstracts = new Map<string, Level[]>();
  const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  const styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  const root = numberingXml?.documentElement;
  if (root) {
    for (const a of children(root, 'abstractNum')) {
      const id = a.getAttributeNS(W, 'abstractNumId') ?? a.getAttribute('w:abstractNumId') ?? '';
      const levels: Level[] = [];
      for (const l of children(a, 'lvl')) {
        const ilvl = Number(l.getAttributeNS(W, 'ilvl') ?? l.getAttribute('w:ilvl') ?? '0');
        levels[ilvl] = {
          start: Number(val(l, 'start') ?? '0'),
          format: val(l, 'numFmt') ?? 'decimal',
          text: val(l, 'lvlText') ?? '',
          legal: firstChild(l, 'isLgl') !== undefined,
        };
      }
      abstracts.set(id, levels);
    }
    for (const n of children(root, 'num')) {
      const id = n.getAttributeNS(W, 'numId') ?? n.getAttribute('w:numId') ?? '';
      const overrides = new Map<number, number>();
      for (const o of children(n, 'lvlOverride')) {
        const start = val(o, 'startOverride');
        if (start !== undefined) overrides.set(Number(o.getAttributeNS(W, 'ilvl') ?? o.getAttribute('w:ilvl') ?? '0'), Number(start));
      }
      nums.set(id, { abstractId: val(n, 'abstractNumId') ?? '', overrides });
    }
  }
  const sroot = stylesXml?.documentElement;
  if (sroot) {
    for (const s of children(sroot, 'style')) {
      const id = s.getAttributeNS(W, 'styleId') ?? s.getAttribute('w:styleId') ?? '';
      const pPr = firstChild(s, 'pPr');
      const numPr = pPr ? firstChild(pPr, 'numPr') : undefined;
      const ilvl = numPr ? val(numPr, 'ilvl') : undefined;
      const entry: { numId?: string; ilvl?: number; basedOn?: string } = {};
      const numId = numPr ? val(numPr, 'numId') : undefined;
      if (numId !== undefined) entry.numId = numId;
      if (ilvl !== undefined) entry.ilvl = Number(ilvl);
      const basedOn = val(s, 'basedOn');
      if (basedOn !== undefined) entry.basedOn = basedOn;
      styles.set(id, entry);
    }
  }
  return { abstracts, nums, styles };
}

/** Returns a counter written in a Word number format (`decimal`, `chineseCounting`, …). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographLegalTraditional':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return numberToChinese(n);
    case 'chineseLegalSimplified':
      return numberToChinese(n).replace(/[一二三四五六七八九十百千]/gu, (c) => '壹贰叁肆伍陆柒捌玖拾佰仟'.charAt('一二三四五六七八九十百千'.indexOf(c)));
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/\d/gu, (d) => '〇一二三四五六七八九'.charAt(Number(d)));
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'.charAt((n - 1) % 10);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'upperLetter':
    case 'lowerLetter': {
      const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter : letter.toLowerCase();
    }
    case 'upperRoman':
    case 'lowerRoman': {
      const roman = toRoman(n);
      return format === 'upperRoman' ? roman : roman.toLowerCase();
    }
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Returns `n` in Roman numerals. */
function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table) while (rest >= v) ((out += s), (rest -= v));
  return out;
}

/**
 * Writes the number of every numbered paragraph of `document` as a text run
 * at its start and removes its numbering (in place). Returns how many
 * paragraphs were numbered.
 */
export function renderNumbering(document: Document, numbering: Numbering): number {
  const counters = new Map<string, number[]>();
  const seenNums = new Set<string>();
  let numbered = 0;
  const paragraphs = document.getElementsByTagNameNS(W, 'p');
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs.item(i);
    if (!p) continue;
    const pPr = firstChild(p, 'pPr');
    const numPr = pPr ? firstChild(pPr, 'numPr') : undefined;
    let numId = numPr ? val(numPr, 'numId') : undefined;
    let ilvl = numPr ? val(numPr, 'ilvl') : undefined;
    if (numId === undefined) {
      const fromStyle = styleNumbering(pPr ? val(pPr, 'pStyle') : undefined, numbering);
      numId = fromStyle?.numId;
      if (ilvl === undefined && fromStyle?.ilvl !== undefined) ilvl = String(fromStyle.ilvl);
    }
    if (numId === undefined || numId === '0') continue;
    const num = numbering.nums.get(numId);
    const levels = num ? numbering.abstracts.get(num.abstractId) : undefined;
    const level = Number(ilvl ?? '0');
    const def = levels?.[level];
    if (!num || !levels || !def) continue;
    const counter = counters.get(num.abstractId) ?? [];
    counters.set(num.abstractId, counter);
    if (!seenNums.has(numId)) {
      seenNums.add(numId);
      for (const [l, start] of num.overrides) counter[l] = start - 1;
    }
    counter[level] = (counter[level] ?? def.start - 1) + 1;
    for (let deeper = level + 1; deeper < counter.length; deeper++) counter[deeper] = (levels[deeper]?.start ?? 1) - 1;
    counter.length = Math.max(counter.length, level + 1);
    // Replace the paragraph's numbering with "no numbering" (numId 0), so nothing downstream numbers it again.
    const ownPr = pPr ?? p.insertBefore(document.createElementNS(W, 'w:pPr'), p.firstChild);
    if (numPr) ownPr.removeChild(numPr);
    const none = document.createElementNS(W, 'w:numPr');
    const noneId = document.createElementNS(W, 'w:numId');
    noneId.setAttributeNS(W, 'w:val', '0');
    none.appendChild(noneId);
    ownPr.insertBefore(none, ownPr.firstChild);
    if (def.format === 'bullet') continue;
    const label = def.text.replace(/%([1-9])/gu, (_, k: string) => {
      const l = Number(k) - 1;
      const value = counter[l] ?? levels[l]?.start ?? 1;
      return formatNumber(value, def.legal ? 'decimal' : (levels[l]?.format ?? 'decimal'));
    });
    if (label === '') continue;
    const run = document.createElementNS(W, 'w:r');
    const t = document.createElementNS(W, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.appendChild(document.createTextNode(label));
    run.appendChild(t);
    p.insertBefore(run, ownPr.nextSibling);
    numbered++;
  }
  return numbered;
}

/** Returns the numbering a paragraph style gives, following `basedOn`. */
function styleNumbering(styleId: string | undefined, numbering: Numbering): { numId?: string; ilvl?: number } | undefined {
  const seen = new Set<string>();
  let id = styleId;
  let ilvl: number | undefined;
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const s = numbering.styles.get(id);
    if (!s) return undefined;
    ilvl ??= s.ilvl;
    if (s.numId !== undefined) return ilvl === undefined ? { numId: s.numId } : { numId: s.numId, ilvl };
    id = s.basedOn;
  }
  return undefined;
}
