/**
 * The thin edge between Astro's content collections (and the corrections
 * file) and the pure site model. Loaded once per build and shared by every page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { contentDir, noticesOnly } from '../config.ts';
import { correctionsPath } from '../content/paths.ts';
import type { Correction } from '../schema.ts';
import { readCorrections } from './permanence.ts';
import { loadReports } from './load-reports.ts';
import { contentProblems, contentReport } from './integrity.ts';
import { execFileSync } from 'node:child_process';
import type { History } from './history.ts';
import { contentHistoryVariable, historyLogArgs, parseHistory } from './history.ts';
import { buildModel } from './model.ts';
import type { Year } from './model.ts';
import type { Route, RouteData, StaticPath } from './routes.ts';
import { publishedSnapshots } from '../snapshot/published.ts';

let model: Promise<Year[]> | undefined;

/** Returns the site model (years, districts, commitments, departments). */
export function loadModel(): Promise<Year[]> {
  model ??= (async () => {
    const [notices, commitments, units] = await Promise.all([getCollection('notices'), getCollection('commitments'), getCollection('units')]);
    // A build of the notices alone (the pages that list the snapshots: years and notices) has no commitment to check.
    if (noticesOnly())
      return buildModel(
        notices.map((n) => n.data),
        [],
        units.map((u) => u.data),
        loadReports(),
      );
    // Half-ingested content (an interrupted ingest, a partial copy) stops the build: never an empty or partial site.
    const problems = contentProblems(
      notices.map((n) => n.data),
      commitments.map((c) => c.data),
      units.map((u) => u.data),
    );
    if (problems.length > 0) throw new Error(contentReport(contentDir(), problems));
    return buildModel(
      notices.map((n) => n.data),
      commitments.map((c) => c.data),
      units.map((u) => u.data),
      loadReports(),
    );
  })();
  return model;
}

let corrections: Correction[] | undefined;

/** Returns the reviewed corrections (`<content>/corrections.yaml`); an invalid file stops the build naming it. */
export function loadCorrections(): Correction[] {
  if (corrections) return corrections;
  const file = join(contentDir(), correctionsPath);
  try {
    corrections = readCorrections(existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  } catch (error) {
    throw new Error(`${file}: error: ${error instanceof Error ? error.message : String(error)}`);
  }
  return corrections;
}

/** Returns a content file's text (UTF-8), its path relative to the content directory (a notice's or report's `sourceFile`). */
export function readContentText(path: string): string {
  return readFileSync(join(contentDir(), path), 'utf8');
}

/** Returns what the route table lists paths from: the site model, and the published snapshots (read when first asked for). */
export async function routeData(): Promise<RouteData> {
  const years = await loadModel();
  return {
    years,
    get snapshots() {
      return publishedSnapshots(years.map((y) => y.year));
    },
  };
}

/** Returns a route's static paths (for its page's `getStaticPaths`), listed by the route table. */
export async function staticPaths<P extends Record<string, string>, Props>(route: Route<P, Props>): Promise<StaticPath<P, Props>[]> {
  return route.paths(await routeData());
}

let history: History | undefined;

/**
 * Returns when each content file last changed, from git (read once per build). Without git or
 * outside a repository the history is empty and pages say nothing about when they changed: a build
 * never falls back to the clock or to file times, which would make it non-deterministic.
 */
export function contentHistory(): History {
  if (history) return history;
  // A sharded build reads the history of the whole content once and hands it to each shard, whose content is a partial copy outside git.
  const given = process.env[contentHistoryVariable];
  if (given) return (history = parseHistory(readFileSync(given, 'utf8')));
  try {
    const log = execFileSync('git', [...historyLogArgs], {
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
