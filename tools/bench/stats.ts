/**
 * Pure helpers of `npm run bench`: fitting a fixed plus a per-page cost,
 * reading GNU time's report, finding what a built page loads, and writing
 * the figures as a Markdown table.
 */

/** A straight line `y = intercept + slope·x` fitted by least squares, with its R². */
export interface Fit {
  intercept: number;
  slope: number;
  /** Coefficient of determination (1 = every point on the line); NaN with fewer than 3 points. */
  r2: number;
  points: number;
}

/** Returns the least-squares line through the points, or undefined for fewer than two distinct x. */
export function fitLine(xs: readonly number[], ys: readonly number[]): Fit | undefined {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return undefined;
  const mx = xs.slice(0, n).reduce((a, b) => a + b, 0) / n;
  const my = ys.slice(0, n).reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += ((ys[i] ?? 0) - (intercept + slope * (xs[i] ?? 0))) ** 2;
  const r2 = n < 3 || syy === 0 ? Number.NaN : 1 - sse / syy;
  return { intercept, slope, r2, points: n };
}

/** What GNU `time -v` reports about the process it ran. */
export interface TimeReport {
  /** Maximum resident set size of the largest single process of the tree, in KiB. */
  maxRssKiB?: number;
  userSeconds?: number;
  systemSeconds?: number;
  elapsedSeconds?: number;
}

/** Returns the figures of a GNU `time -v` report found in `text` (the command's stderr). */
export function parseTimeReport(text: string): TimeReport {
  const report: TimeReport = {};
  const num = (re: RegExp): number | undefined => {
    const m = re.exec(text);
    return m?.[1] === undefined ? undefined : Number(m[1]);
  };
  const rss = num(/Maximum resident set size \(kbytes\): (\d+)/u);
  const user = num(/User time \(seconds\): ([\d.]+)/u);
  const sys = num(/System time \(seconds\): ([\d.]+)/u);
  if (rss !== undefined) report.maxRssKiB = rss;
  if (user !== undefined) report.userSeconds = user;
  if (sys !== undefined) report.systemSeconds = sys;
  const elapsed = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/u.exec(text);
  if (elapsed) report.elapsedSeconds = Number(elapsed[1] ?? 0) * 3600 + Number(elapsed[2]) * 60 + Number(elapsed[3]);
  return report;
}

/** Returns `text` without GNU time's report (what the command itself wrote). */
export function withoutTimeReport(text: string): string {
  const at = text.indexOf('\tCommand being timed:');
  return at >= 0 ? text.slice(0, at) : text;
}

/** What a built HTML page loads, as written in it. */
export interface PageAssets {
  /** `<link rel="stylesheet" href>` targets. */
  stylesheets: string[];
  /** `<script src>` targets. */
  scripts: string[];
  /** Bytes of inline `<style>` elements. */
  inlineCssBytes: number;
  /** Bytes of inline scripts that run (not JSON-LD or other data blocks). */
  inlineJsBytes: number;
}

/** Returns the value of attribute `name` in a start tag, if present. */
function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'iu').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Returns what a page loads: stylesheets, scripts, and its inline CSS and JavaScript. */
export function pageAssets(html: string): PageAssets {
  const stylesheets: string[] = [];
  const scripts: string[] = [];
  let inlineCssBytes = 0;
  let inlineJsBytes = 0;
  for (const m of html.matchAll(/<link\b[^>]*>/giu)) {
    const rel = attribute(m[0], 'rel')?.toLowerCase().split(/\s+/u) ?? [];
    const href = attribute(m[0], 'href');
    if (rel.includes('stylesheet') && href) stylesheets.push(href);
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([^]*?)<\/script>/giu)) {
    const tag = `<script${m[1] ?? ''}>`;
    const src = attribute(tag, 'src');
    const type = (attribute(tag, 'type') ?? '').toLowerCase();
    if (src) scripts.push(src);
    else if (type === '' || type === 'module' || type.includes('javascript')) inlineJsBytes += Buffer.byteLength(m[2] ?? '');
  }
  for (const m of html.matchAll(/<style\b[^>]*>([^]*?)<\/style>/giu)) inlineCssBytes += Buffer.byteLength(m[1] ?? '');
  return { stylesheets, scripts, inlineCssBytes, inlineJsBytes };
}

/** Returns the relative modules a built JavaScript module imports: statically (loaded with it) and dynamically (loaded later). */
export function moduleImports(js: string): { static: string[]; dynamic: string[] } {
  const dynamic = [...js.matchAll(/import\(\s*[`'"](\.{1,2}\/[^`'"$]+)[`'"]\s*\)/gu)].map((m) => m[1] ?? '');
  const statics = [...js.matchAll(/(?:\bfrom\s*|\bimport\s*)[`'"](\.{1,2}\/[^`'"$]+)[`'"]/gu)]
    .filter((m) => js.charAt((m.index ?? 0) - 1) !== '(' && !/import\(\s*$/u.test(js.slice(Math.max(0, (m.index ?? 0) - 8), (m.index ?? 0) + 7)))
    .map((m) => m[1] ?? '');
  return { static: [...new Set(statics)], dynamic: [...new Set(dynamic)].filter((d) => !statics.includes(d)) };
}

/** Returns bytes as `12.3 KB` (1 KB = 1000 bytes) or `4.5 MB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '–';
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} KB`;
  return `${bytes} B`;
}

/** Returns seconds as `12.3 s` or `4 min 05 s`. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  if (seconds < 100) return `${seconds.toFixed(1)} s`;
  // Round to whole seconds first, so that 119.6 s reads 2 min 00 s, not 1 min 60 s.
  const whole = Math.round(seconds);
  const m = Math.floor(whole / 60);
  return `${m} min ${String(whole - m * 60).padStart(2, '0')} s`;
}

/** Returns a Markdown table (cells are written as they are; `|` is escaped). */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string): string => s.replaceAll('|', '\\|');
  return [`| ${head.map(cell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}
