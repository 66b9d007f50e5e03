/**
 * The sample pool of the synthetic corpus: the lines of the built-in notices,
 * read with the project's own parser and cut into reusable pieces (items with
 * their titles, bodies, units and measures; group names; titles; opening,
 * closing and explanatory paragraphs). Pure: texts in, pool out.
 *
 * Every piece is kept only if it cannot change the structure of a notice it
 * is put in (it does not start like a numbered line, a closing line, a
 * measures label…), so that a generated notice holds exactly the commitments
 * the generator meant.
 */
import { createHash } from 'node:crypto';
import { isAppendixStart, isClosingLine, isMeasuresLabel, parseNotice, readDate, readDocNumber, readIssuer, readMarker, squash, withoutNotes } from '../../src/lib/parse/index.ts';
import type { Level } from '../../src/lib/schema.ts';

/** One commitment of a built-in notice, cut into the pieces a layout needs. */
export interface PoolItem {
  /** A short title without a full stop (the notice's heading, table title or first clause). */
  title: string;
  /** The rest of the item, ending with a full stop; the whole item when the title is all of it. */
  body: string;
  /** True when the title is the whole item (`body` repeats it). */
  titleIsAll: boolean;
  lead: string[];
  co: string[];
  level?: Level;
  /** 推进举措, numbered markers removed. */
  measures: string[];
}

/** A section of an explanatory notice: `一、民生实事项目起草背景` and its paragraphs. */
export interface PoolSection {
  heading: string;
  body: string[];
}

export interface Pool {
  items: PoolItem[];
  /** Department names (区… or 县…-style, written with 区), for items whose source names none. */
  units: string[];
  measures: string[];
  /** Group headings without number or count (`促进就业`). */
  groupNames: string[];
  /** Notice titles (place names, years and counts are replaced when used). */
  titles: string[];
  /** Titles of appendices (`2023年相山区50项民生实事推进举措`, `…项目汇总表`). */
  appendixTitles: string[];
  /** Addressee lines (`各镇街、…，区直有关单位：`). */
  addressees: string[];
  /** Paragraphs that open a notice. */
  openings: string[];
  /** Paragraphs that close one. */
  closings: string[];
  /** Sections of an explanatory notice, in order; the one whose body ends with `：` introduces the list. */
  sections: PoolSection[];
  /** Hex SHA-256 of the pool's JSON: two corpora with the same seed and options are the same when this is. */
  sha256: string;
}

/** True when a line would be read as structure rather than text: a numbered line, a closing line, an appendix start… */
export function looksStructural(line: string): boolean {
  const t = squash(line);
  return (
    t === '' ||
    /\t/u.test(line) ||
    readMarker(t) !== undefined ||
    isClosingLine(t) ||
    isAppendixStart(t) ||
    isMeasuresLabel(t) ||
    readDate(t) !== undefined ||
    readIssuer(t) !== undefined ||
    readDocNumber(t) !== undefined
  );
}

const sentenceEnd = /[。！？]$/u;

/** Returns the text ending with a full stop (a trailing `；` or `，` becomes `。`). */
function withFullStop(text: string): string {
  const t = text.replace(/[；;，,、\s]+$/u, '');
  return sentenceEnd.test(t) || /[。！？][”’」）)]$/u.test(t) ? t : `${t}。`;
}

/** Returns the pool read from the texts of the built-in notices (in a fixed order). */
export function buildPool(texts: readonly string[]): Pool {
  const items: PoolItem[] = [];
  const units = new Set<string>();
  const measures: string[] = [];
  const groupNames: string[] = [];
  const titles: string[] = [];
  const appendixTitles: string[] = [];
  const addressees: string[] = [];
  const openings: string[] = [];
  const closings: string[] = [];
  const sections: PoolSection[] = [];

  for (const text of texts) {
    const parsed = parseNotice(text);
    if (!parsed.ok) continue;
    const notice = parsed.notice;
    titles.push(notice.title);
    for (const g of notice.groups) if (!groupNames.includes(g.name) && !looksStructural(g.name)) groupNames.push(g.name);

    for (const c of notice.commitments) {
      for (const u of [...c.leadUnits, ...c.coUnits]) if (/^区/u.test(u)) units.add(u);
      const clean = squash(withoutNotes(c.text));
      const title = squash(c.title).replace(/…$/u, '');
      let body = clean;
      let titleIsAll = true;
      if (clean.startsWith(title)) {
        const rest = clean.slice(title.length).replace(/^[\s。，；,;：:]+/u, '');
        if (rest.length > 0) {
          body = rest;
          titleIsAll = false;
        }
      } else if (c.title !== clean) {
        // A table's title column: the content is the body.
        titleIsAll = false;
      }
      body = withFullStop(body);
      const cleanMeasures = c.measures.map((m) => withFullStop(squash(m))).filter((m) => !/\t/u.test(m) && m.length > 1);
      measures.push(...cleanMeasures);
      if (title.length === 0 || title.length > 40 || looksStructural(title) || looksStructural(body) || /[。]/u.test(title)) continue;
      const item: PoolItem = { title, body, titleIsAll, lead: [...c.leadUnits], co: [...c.coUnits], measures: cleanMeasures };
      if (c.level) item.level = c.level;
      items.push(item);
    }

    // Passages: what is around the list.
    const passages = notice.passages;
    for (let i = 0; i < passages.length; i++) {
      const p = passages[i];
      if (!p) continue;
      const t = p.text;
      if (p.role === 'appendix' && /\d{4}\s*年/u.test(t) && !looksStructural(t)) appendixTitles.push(t);
      if (p.role === 'preamble' && /：$/u.test(t) && t.length < 80 && !looksStructural(t)) addressees.push(t);
      if (t.length >= 40 && !/：$/u.test(t) && !looksStructural(t) && !/《[^》]*$/u.test(t)) {
        if (p.role === 'preamble') openings.push(t);
        if (p.role === 'closing') closings.push(t);
      }
      // Sections: a heading (not a group heading with a count) followed by explanations.
      if (p.role === 'heading' && !/[（(]\s*\d+\s*[项件个条]\s*[)）]$/u.test(t) && !/\s/u.test(t)) {
        const marker = readMarker(t);
        const body: string[] = [];
        for (let j = i + 1; j < passages.length && passages[j]?.role === 'explanation'; j++) body.push(passages[j]?.text ?? '');
        if (marker && body.length > 0 && body.every((b) => !looksStructural(b))) sections.push({ heading: t.slice(marker.length).trim(), body });
      }
    }
  }
  // A closing section (推进保障措施) makes a closing paragraph too.
  for (const s of sections) if (/措施|保障/u.test(s.heading)) closings.push(...s.body.filter((b) => b.length >= 40));

  const pool = {
    items,
    units: [...units].sort(),
    measures,
    groupNames,
    titles,
    appendixTitles,
    addressees,
    openings,
    closings,
    sections,
  };
  const sha256 = createHash('sha256').update(JSON.stringify(pool)).digest('hex');
  return { ...pool, sha256 };
}
