/**
 * Whether the content collections hold whole notices: the check that stops
 * `astro build` on half-ingested content (an ingest interrupted, files copied
 * in part) instead of building an empty or partial site. Pure and linear in
 * the number of entries.
 */
import type { CommitmentEntry, NoticeEntry, UnitRegistry } from '../schema.ts';

/** The most problems a report names; the rest are counted. */
const shown = 10;

/**
 * Returns what is wrong with the content as a whole (empty when nothing is): no notice at all; a
 * notice whose commitment entries are not as many as it says; a group naming a commitment
 * that has no entry; a commitment or a departments file of a notice that has no entry; a
 * department name a commitment uses that its notice's departments file does not know.
 */
export function contentProblems(notices: readonly NoticeEntry[], commitments: readonly CommitmentEntry[], registries: readonly UnitRegistry[]): string[] {
  if (notices.length === 0) return ['no notice entries at all (run `npm run ingest` first)'];
  const key = (year: number, slug: string): string => `${year}/${slug}`;
  const byNotice = new Map<string, Set<number>>(notices.map((n) => [key(n.year, n.slug), new Set<number>()]));
  const problems: string[] = [];
  for (const c of commitments) {
    const numbers = byNotice.get(key(c.year, c.district));
    if (numbers === undefined) problems.push(`commitment ${key(c.year, c.district)}/${c.number} belongs to no notice entry`);
    else numbers.add(c.number);
  }
  for (const n of notices) {
    const at = key(n.year, n.slug);
    const numbers = byNotice.get(at) ?? new Set<number>();
    if (numbers.size !== n.commitmentCount) problems.push(`notice ${at} says it has ${n.commitmentCount} commitments, the content holds ${numbers.size}`);
    const missing = n.groups.flatMap((g) => g.items).filter((i) => !numbers.has(i));
    if (missing.length > 0) problems.push(`notice ${at}: its groups name commitments without an entry: ${missing.join(', ')}`);
  }
  const knownOf = new Map<string, Set<string>>();
  for (const r of registries) {
    const at = key(r.year, r.district);
    if (!byNotice.has(at)) problems.push(`departments file ${at} belongs to no notice entry`);
    knownOf.set(at, new Set(r.units.flatMap((u) => [u.name, ...u.aliases])));
  }
  const unknownUnits = new Map<string, Set<string>>();
  for (const c of commitments) {
    const at = key(c.year, c.district);
    if (!byNotice.has(at)) continue;
    const known = knownOf.get(at);
    for (const name of [...c.leadUnits, ...c.coUnits]) {
      if (known?.has(name) === true) continue;
      const set = unknownUnits.get(at) ?? new Set<string>();
      set.add(name);
      unknownUnits.set(at, set);
    }
  }
  for (const [at, names] of unknownUnits) problems.push(`notice ${at}: departments without an entry in its departments file: ${[...names].join('、')}`);
  return problems;
}

/** Returns one message for the problems: the first few, and how many more. */
export function contentReport(contentDir: string, problems: readonly string[]): string {
  const more = problems.length > shown ? `; and ${problems.length - shown} more` : '';
  return `${contentDir}: error: the content is incomplete (half-ingested?), run \`npm run ingest\`: ${problems.slice(0, shown).join('; ')}${more}`;
}
