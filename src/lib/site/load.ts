/**
 * The thin edge between Astro's content collections and the pure site model.
 * Loaded once per build and shared by every page.
 */
import { execFileSync } from 'node:child_process';
import { getCollection } from 'astro:content';
import { contentDir } from '../config.ts';
import type { History } from './history.ts';
import { parseHistory } from './history.ts';
import { buildModel } from './model.ts';
import type { District, Year } from './model.ts';

let model: Promise<Year[]> | undefined;

/** Returns the site model (years, districts, commitments, departments). */
export function loadModel(): Promise<Year[]> {
  model ??= (async () => {
    const [notices, commitments, units] = await Promise.all([getCollection('notices'), getCollection('commitments'), getCollection('units')]);
    return buildModel(
      notices.map((n) => n.data),
      commitments.map((c) => c.data),
      units.map((u) => u.data),
    );
  })();
  return model;
}

/** Returns the static paths of a page per year: `/<year>/…`, with the year as its prop. */
export async function yearPaths(): Promise<{ params: { year: string }; props: { year: Year } }[]> {
  const years = await loadModel();
  return years.map((year) => ({ params: { year: String(year.year) }, props: { year } }));
}

/** Returns the static paths of a page per district: `/<year>/<district>/…`, with the district as its prop. */
export async function districtPaths(): Promise<{ params: { year: string; district: string }; props: { district: District } }[]> {
  const years = await loadModel();
  return years.flatMap((y) => y.districts.map((district) => ({ params: { year: String(y.year), district: district.notice.slug }, props: { district } })));
}

let history: History | undefined;

/**
 * Returns when each content file last changed, from git (read once per build). Without git or
 * outside a repository the history is empty and pages say nothing about when they changed: a build
 * never falls back to the clock or to file times, which would make it non-deterministic.
 */
export function contentHistory(): History {
  if (history) return history;
  try {
    const log = execFileSync('git', ['log', '--format=%x00%cs', '--name-only', '--relative', '--', '.'], {
      cwd: contentDir(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1 << 30,
    });
    history = parseHistory(log);
  } catch {
    history = new Map();
  }
  return history;
}
