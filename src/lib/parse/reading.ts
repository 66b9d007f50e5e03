/**
 * A reading: what one layout reader makes of a stretch of lines (the main
 * document, or one appendix). Readers are pure and return one; the chooser
 * (`choose.ts`) keeps the reading the evidence supports best.
 */
import type { PassageRole, Warning } from '../schema.ts';
import type { ItemDraft } from './item.ts';

/** A group heading while it is being read. */
export interface GroupDraft {
  /** The group's own number. */
  value: number;
  /** Its heading without number or declared count. */
  name: string;
  /** The count it declares (`（3项）`). */
  declared?: number;
  /** The heading line. */
  line: number;
  /** The items under it. */
  items: ItemDraft[];
}

/** A passage a reader found inside a line it also gave to an item (the lead-in of an inline list). */
export interface InlinePassage {
  role: PassageRole;
  text: string;
  line: number;
}

/** What a reader made of a stretch of lines. */
export interface Reading {
  /** The reader's name (`outline`, `numbers`, `inline`, `unnumbered`, `sentence`, `cells`). */
  reader: string;
  /** The items, in source order. */
  items: ItemDraft[];
  /** Group headings with their items. */
  groups: GroupDraft[];
  /** The role of each line that is no item's. */
  roles: Map<number, PassageRole>;
  /** Lines that continue the passage of the line before them (a table header's cells). */
  joined: Set<number>;
  /** Passages inside lines given to items. */
  inline: InlinePassage[];
  warnings: Warning[];
  /** What the reader itself noticed in favour of its reading (for the record). */
  notes: string[];
  /** True when the reader's items carry no numbers of their own (unnumbered lists, one-sentence lists). */
  unnumbered?: boolean;
}

/** Returns an empty reading by `reader`. */
export function emptyReading(reader: string): Reading {
  return { reader, items: [], groups: [], roles: new Map(), joined: new Set(), inline: [], warnings: [], notes: [] };
}

/** Appends `more` to `list` without spreading it into arguments (safe for any length). */
export function pushAll<T>(list: T[], more: readonly T[]): void {
  for (const x of more) list.push(x);
}
