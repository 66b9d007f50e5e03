/** Chinese numerals as list numbering writes them. */

const digits = '零一二三四五六七八九';

/** Returns a whole number 1–9999 in Chinese counting numerals: 1 一, 10 十, 12 十二, 20 二十, 101 一百零一. */
export function numberToChinese(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const parts = String(n).split('').map(Number).reverse();
  let out = '';
  let zero = false;
  for (let i = parts.length - 1; i >= 0; i--) {
    const d = parts[i] ?? 0;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    // 10–19 read 十, 十一 … (not 一十).
    out += (d === 1 && i === 1 && parts.length === 2 ? '' : digits.charAt(d)) + (units[i] ?? '');
  }
  return out;
}
