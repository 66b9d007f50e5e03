/** The shapes every converter shares. */

export type { SourceFormat } from '../schema.ts';

/** Why a file could not be converted: `line` is 1-based, or 0 for the whole file. */
export interface ConvertError {
  line: number;
  message: string;
}

/** The canonical text of a notice (UTF-8 lines, `\n`-separated, ending in `\n`), or why there is none. */
export type Converted = { ok: true; text: string } | { ok: false; error: ConvertError };
