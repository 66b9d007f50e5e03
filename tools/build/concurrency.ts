/**
 * Running a list of tasks a few at a time: what lets the search index use
 * both cores (one Pagefind process per part, `scripts/search-index.ts`)
 * while its memory stays that of `limit` parts.
 *
 * No I/O of its own: the tasks do it.
 */

/**
 * Returns `task(item, index)` for every item, in the items' order, running at most `limit` tasks at
 * once (a task starts as soon as one finishes). Rejects with the first task's error to reject, after
 * the tasks already running have settled; no task starts after a failure.
 */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error('limit must be a positive integer');
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  let failure: unknown;
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await task(items[i] as T, i);
      } catch (error) {
        if (!failed) failure = error;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failed) throw failure;
  return results;
}
