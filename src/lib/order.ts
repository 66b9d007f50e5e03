/**
 * The one order of strings the project sorts by when the order must not
 * depend on the machine: UTF-16 code units, as JavaScript's `<` compares them
 * (unlike `localeCompare`, which follows the locale and the ICU version).
 */

/** Compares two strings by UTF-16 code units: negative, zero or positive, for `Array.prototype.sort`. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
