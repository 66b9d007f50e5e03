/**
 * Permanent URLs: the committed manifest of every public URL (each
 * commitment's bound to the fingerprint of what it names), the redirects and
 * corrections declared in data, and the checks that a build still serves
 * every URL ever published, and that each commitment URL still names the same
 * commitment. Pure.
 */
import type { z } from 'zod';
import type { Correction, Redirect } from '../schema.ts';
import { CorrectionsFile, Fingerprint, RedirectsFile } from '../schema.ts';
import { readYamlAs } from '../yaml.ts';
import { fingerprint, sameMeaning } from './meaning.ts';

/** Returns the value of a YAML text checked by `schema`, or throws one line saying what is wrong (and where). */
function readYaml<T>(text: string, schema: z.ZodType<T>): T {
  const read = readYamlAs(text, schema);
  if (read.ok) return read.value;
  const problem = read.problems[0];
  throw new Error(problem && problem.line > 0 ? `line ${problem.line}: ${problem.message}` : (problem?.message ?? 'invalid'));
}

/** Returns the redirects a YAML text declares (an empty or missing file declares none); throws one line when invalid. */
export function readRedirects(text: string | undefined): Redirect[] {
  if (!text || text.trim() === '') return [];
  return readYaml(text, RedirectsFile).redirects;
}

/** Returns the corrections a YAML text declares (an empty or missing file declares none); throws one line when invalid. */
export function readCorrections(text: string | undefined): Correction[] {
  if (!text || text.trim() === '') return [];
  return readYaml(text, CorrectionsFile).corrections;
}

/** Returns the corrections of one URL, oldest first (the last one says what the URL names now). */
export function correctionsOf(corrections: readonly Correction[], url: string): Correction[] {
  return corrections.filter((c) => c.url === url).sort((a, b) => a.date.localeCompare(b.date));
}

/** Files and folders of the build that are build artefacts, not public URLs (hashed assets, the search index, the hosts' headers file). */
const artefacts = ['_astro/', 'pagefind/', '_headers'];

/**
 * Returns the public URL paths of a build's files (paths relative to the build folder, `/`
 * separators), leaving out the artefacts and the `hidden` files: the files of the routes that are
 * not public (`privateFiles()` of the route table, the 404 page).
 */
export function publicUrls(files: readonly string[], hidden: readonly string[]): string[] {
  const urls = files
    .filter((f) => !artefacts.some((a) => f.startsWith(a)) && !hidden.includes(f))
    .map((f) => (f === 'index.html' ? '/' : f.endsWith('/index.html') ? `/${f.slice(0, -'index.html'.length)}` : `/${f}`));
  return [...new Set(urls)].sort();
}

/** One line of the manifest: a published URL and, for a commitment's URL, the fingerprint of what it names. */
export interface ManifestEntry {
  /** The path from the site root, e.g. `/2023/jinan-shizhong/11/`. */
  url: string;
  /** For a commitment's permalink: the fingerprint of the commitment it was published with. */
  fingerprint?: string;
}

/**
 * Returns the manifest's entries: one URL per line, a commitment's URL
 * followed by its fingerprint (`/2023/x/11/  残疾人救助服务…`); blank lines and
 * `#` comments ignored. A malformed line gives its line number and why.
 */
export function readManifest(text: string): { ok: true; entries: ManifestEntry[] } | { ok: false; line: number; message: string } {
  const entries: ManifestEntry[] = [];
  const lines = text.split(/\r?\n/u);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [url = '', print, ...rest] = line.split(/\s+/u);
    if (!url.startsWith('/') || rest.length > 0) return { ok: false, line: i + 1, message: 'a line is a URL path, then for a commitment its fingerprint' };
    if (print === undefined) {
      entries.push({ url });
      continue;
    }
    if (!Fingerprint.safeParse(print).success) return { ok: false, line: i + 1, message: `not a fingerprint (letters and digits only): ${print}` };
    entries.push({ url, fingerprint: print });
  }
  return { ok: true, entries };
}

/** Returns the manifest text for `entries` (sorted by URL, each once, the first fingerprint kept), with its header. */
export function writeManifest(entries: readonly ManifestEntry[]): string {
  const header = [
    '# 本站发布过的每一个公开网址。构建不再生成其中任何一个时，测试失败，',
    '# 除非在 redirects.yaml 中为它声明了跳转。新增网址用 `npm run urls -- --update` 加入，像代码一样审阅。',
    '# 每项实事的网址后是它的指纹：原文开头 20 个字（去掉空白、标点和括号内的注释）。网址换了所指的实事时测试失败，',
    '# 除非在 corrections.yaml 中登记更正（页面会说明改了什么、何时改的），或在 redirects.yaml 中跳转到它的新位置。',
  ];
  const byUrl = new Map<string, ManifestEntry>();
  for (const e of entries) {
    const known = byUrl.get(e.url);
    if (!known || (known.fingerprint === undefined && e.fingerprint !== undefined)) byUrl.set(e.url, e);
  }
  const lines = [...byUrl.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)).map((e) => (e.fingerprint === undefined ? e.url : `${e.url}  ${e.fingerprint}`));
  return `${[...header, ...lines].join('\n')}\n`;
}

/** What checking a build against the manifest found. */
export interface PermanenceReport {
  /** Manifest URLs the build no longer serves and no redirect covers. */
  missing: string[];
  /** Redirects whose old URL has no redirect page in the build. */
  redirectsWithoutPage: string[];
  /** Redirects whose target the build does not serve. */
  redirectsToNowhere: string[];
  /** URLs the build serves that the manifest does not list yet. */
  unlisted: string[];
}

/** Returns how a build's URLs stand against the manifest and the redirects. */
export function checkPermanence(manifest: readonly string[], built: readonly string[], redirects: readonly Redirect[]): PermanenceReport {
  const served = new Set(built);
  const listed = new Set(manifest);
  const redirected = new Set(redirects.map((r) => r.from));
  return {
    missing: manifest.filter((u) => !served.has(u) && !redirected.has(u)),
    redirectsWithoutPage: redirects.filter((r) => !served.has(r.from)).map((r) => r.from),
    redirectsToNowhere: redirects.filter((r) => !served.has(r.to)).map((r) => `${r.from} → ${r.to}`),
    unlisted: built.filter((u) => !listed.has(u) && !redirected.has(u)),
  };
}

/** A commitment as the content serves it: what its URL names. */
export interface ServedCommitment {
  /** Its permanent path, `/<year>/<slug>/<number>/`. */
  permalink: string;
  /** Its number in the notice. */
  number: number;
  /** Its title, for reviewers. */
  title: string;
  /** Its source wording, which the fingerprint is taken from. */
  text: string;
}

/** A published commitment URL that would name another commitment. */
export interface MeaningChange {
  /** The published URL. */
  url: string;
  /** What it named: its fingerprint (from the manifest, or from its latest correction). */
  was: string;
  /** What it would name: the commitment's number, title and fingerprint, or where a redirect leads instead. */
  now: string;
  /** The fingerprint a correction would declare, when a commitment is there. */
  fingerprint?: string;
}

/** What checking the meaning of every published commitment URL found. */
export interface MeaningReport {
  /** Commitment URLs that would name another commitment, with no correction that says so. */
  changed: MeaningChange[];
  /** Commitment URLs in the manifest without a fingerprint (`npm run urls -- --update` adds it). */
  unbound: string[];
  /** Corrections for a URL the manifest does not list as a commitment's. */
  strayCorrections: string[];
  /** Redirects from a URL that is still a commitment's page (the redirect could not be served). */
  redirectsOverCommitments: string[];
}

/** Returns a commitment as one readable line: number, title and fingerprint. */
function describeCommitment(c: ServedCommitment): string {
  return `第${c.number}项 ${c.title} — fingerprint ${fingerprint(c.text)}`;
}

/**
 * Returns how the published commitment URLs stand against what the content
 * serves: each URL with a fingerprint must name a commitment of the same
 * meaning ({@link sameMeaning}) — the one at the URL, or where a redirect from
 * it leads — measured against its latest correction when it has one.
 */
export function checkMeanings(
  manifest: readonly ManifestEntry[],
  commitments: readonly ServedCommitment[],
  redirects: readonly Redirect[],
  corrections: readonly Correction[],
): MeaningReport {
  const byUrl = new Map(commitments.map((c) => [c.permalink, c]));
  const redirectOf = new Map(redirects.map((r) => [r.from, r.to]));
  const changed: MeaningChange[] = [];
  const unbound: string[] = [];
  for (const entry of manifest) {
    if (entry.fingerprint === undefined) {
      if (byUrl.has(entry.url)) unbound.push(entry.url);
      continue;
    }
    const latest = correctionsOf(corrections, entry.url).at(-1);
    const expected = latest?.fingerprint ?? entry.fingerprint;
    const was = latest ? `${expected} (corrected ${latest.date})` : expected;
    const target = redirectOf.get(entry.url);
    const served = byUrl.get(entry.url) ?? (target === undefined ? undefined : byUrl.get(target));
    if (served) {
      if (!sameMeaning(expected, served.text)) {
        const now = target !== undefined && !byUrl.has(entry.url) ? `${describeCommitment(served)} (redirected to ${target})` : describeCommitment(served);
        changed.push({ url: entry.url, was, now, fingerprint: fingerprint(served.text) });
      }
    } else if (target !== undefined) {
      changed.push({ url: entry.url, was, now: `redirected to ${target}, which is not a commitment` });
    }
    // Neither served nor redirected: the URL check reports it missing.
  }
  const bound = new Set(manifest.filter((e) => e.fingerprint !== undefined).map((e) => e.url));
  return {
    changed,
    unbound,
    strayCorrections: [...new Set(corrections.filter((c) => !bound.has(c.url)).map((c) => c.url))],
    redirectsOverCommitments: redirects.filter((r) => byUrl.has(r.from)).map((r) => r.from),
  };
}

/**
 * Returns the manifest with the build's new URLs added and every commitment
 * URL bound to its fingerprint where it has none yet. A fingerprint already
 * in the manifest is never rewritten: a change of meaning is declared in
 * corrections, not by rewriting history.
 */
export function updateManifest(manifest: readonly ManifestEntry[], unlisted: readonly string[], commitments: readonly ServedCommitment[]): ManifestEntry[] {
  const byUrl = new Map(commitments.map((c) => [c.permalink, c]));
  const bind = (url: string): ManifestEntry => {
    const c = byUrl.get(url);
    return c ? { url, fingerprint: fingerprint(c.text) } : { url };
  };
  return [...manifest.map((e) => (e.fingerprint === undefined ? bind(e.url) : e)), ...unlisted.map(bind)];
}
