/**
 * The thin edge between Astro's content collections and the pure site model.
 * Loaded once per build and shared by every page.
 */
import { getCollection } from 'astro:content';
import { buildModel } from './model.ts';
import type { Year } from './model.ts';

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
