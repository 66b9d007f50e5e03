/**
 * Reading the logs of the commands the bench measures: `astro build`'s (pages built, the slowest
 * routes, the phases by the clock of its log lines) and the search indexer's last lines. Pure: text in,
 * figures out; what a log does not say is left out, never guessed.
 */
import type { BuildPhases, RouteTime } from './results.ts';

/** Returns the `n` routes Astro took longest to render, slowest first, from its lines `├─ /path (+1.23s)` / `└─ /path (+45ms)`. */
export function slowestRoutes(log: string, n = 10): RouteTime[] {
  return [...log.matchAll(/[├└]─ (\S+) \(\+([\d.]+)(m?s)\)/gu)]
    .map((m) => ({ path: m[1] ?? '', seconds: Number(m[2]) / (m[3] === 'ms' ? 1000 : 1) }))
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, n);
}

/**
 * Returns the seconds of the build's phases, by the `HH:MM:SS` clock of Astro's log lines: content sync
 * (`[content] Syncing content` → `Synced content`), Vite's bundle (`Building static entrypoints` →
 * `Rearranging server assets`) and route generation (from there to the last line).
 */
export function buildPhases(log: string): BuildPhases {
  const clock = [...log.matchAll(/^(\d\d):(\d\d):(\d\d) (.*)$/gmu)].map((m) => ({ t: Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]), text: m[4] ?? '' }));
  const at = (re: RegExp): number | undefined => clock.find((c) => re.test(c.text))?.t;
  const out: BuildPhases = {};
  const sync0 = at(/\[content\] Syncing content/u);
  const sync1 = at(/\[content\] Synced content/u);
  const vite0 = at(/Building static entrypoints/u);
  const routes0 = at(/Rearranging server assets/u);
  const end = clock.at(-1)?.t;
  if (sync0 !== undefined && sync1 !== undefined) out.contentSync = sync1 - sync0;
  if (vite0 !== undefined && routes0 !== undefined) out.viteBundle = routes0 - vite0;
  if (routes0 !== undefined && end !== undefined) out.routes = end - routes0;
  return out;
}

/** Returns the pages and seconds Astro reports at the end of a build (`[build] 152 page(s) built in 1m 4.20s`), if it does. */
export function reportedBuild(log: string): { pages: number; seconds: number } | undefined {
  const m = /\[build\] (\d+) page\(s\) built in (?:(\d+)m\s*)?([\d.]+)(m?s)/u.exec(log);
  if (!m) return undefined;
  return { pages: Number(m[1]), seconds: Number(m[2] ?? 0) * 60 + Number(m[3]) / (m[4] === 'ms' ? 1000 : 1) };
}

/** Returns the pages indexed and the parts of the index, as the search indexer's last lines say them (`152 pages indexed … in 2 part(s)`). */
export function indexSummary(tail: string): { pagesIndexed?: number; parts?: number } {
  const out: { pagesIndexed?: number; parts?: number } = {};
  const indexed = /(\d+) pages indexed/u.exec(tail);
  if (indexed) out.pagesIndexed = Number(indexed[1]);
  const parts = /in (\d+) part\(s\)/u.exec(tail);
  if (parts) out.parts = Number(parts[1]);
  return out;
}
