/**
 * XML text, safe for any element content or attribute value. Pure.
 */

/** Every character XML 1.0 forbids (§2.2 Char): C0 controls but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF. */
const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Returns `text` without the characters XML 1.0 forbids. */
function xmlChars(text: string): string {
  return text.replace(forbidden, '');
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Returns `text` escaped for XML content and attribute values (`& < > " '`), forbidden characters removed. */
export function xmlEscape(text: string): string {
  return xmlChars(text).replace(/[&<>"']/gu, (c) => entities[c] ?? c);
}
