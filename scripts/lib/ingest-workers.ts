/**
 * Parsing and planning notices on both cores, for `npm run ingest`: each notice no report names is
 * parsed and planned alone (`planNoticeAlone`) on one of `jobs` worker threads, and its outcome taken
 * by the main thread as it takes an outcome from the ingest cache. The outcomes are the same as when
 * the main thread plans them (tested); a notice that has an error gives none, and the main thread
 * reads it again, so the message is the one a single-threaded run gives.
 *
 * The same module is the workers' code: started with `workerData.notices`, it posts back the
 * outcomes in their order.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { NoticeOutcome } from '../../src/lib/content/ingest.ts';
import { planNoticeAlone } from '../../src/lib/content/ingest.ts';
import { parseNoticeBytes } from '../cli.ts';
import type { NoticeInputs } from './ingest-cache.ts';

/** A notice as ingest has read it: its files (what its outcome is made from) and the year its metadata gives. */
export interface ReadNotice extends NoticeInputs {
  year: number | undefined;
}

/** Returns the outcome of one notice, or undefined when it has an error. */
function planOne(notice: ReadNotice): NoticeOutcome | undefined {
  const loaded = parseNoticeBytes(notice.path, notice.bytes, notice.year === undefined ? {} : { year: notice.year });
  if (!loaded.ok) return undefined;
  const source = { path: notice.path, notice: loaded.notice, bytes: loaded.bytes, metaPath: notice.metaPath, metaText: notice.metaText };
  return planNoticeAlone(notice.unitsText === undefined ? source : { ...source, unitsText: notice.unitsText });
}

/**
 * Returns each notice's outcome (undefined for a notice with an error), in their order, planned on
 * `jobs` worker threads; rejects when a worker fails.
 */
export async function planInWorkers(notices: readonly ReadNotice[], jobs: number): Promise<(NoticeOutcome | undefined)[]> {
  const shares = Array.from({ length: Math.max(1, Math.min(jobs, notices.length)) }, () => [] as number[]);
  // Dealt one by one: neighbours in path order are often alike in size.
  notices.forEach((_, i) => shares[i % shares.length]?.push(i));
  const outcomes: (NoticeOutcome | undefined)[] = new Array<NoticeOutcome | undefined>(notices.length);
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((done, failed) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { notices: share.map((i) => notices[i]) } });
          let answered = false;
          worker.once('message', (planned: (NoticeOutcome | null)[]) => {
            answered = true;
            planned.forEach((outcome, j) => {
              const at = share[j];
              if (at !== undefined) outcomes[at] = outcome ?? undefined;
            });
            done();
          });
          worker.once('error', failed);
          worker.once('exit', (code) => {
            if (!answered) failed(new Error(`an ingest worker stopped (exit code ${code}) before it answered`));
          });
        }),
    ),
  );
  return outcomes;
}

if (!isMainThread && parentPort && Array.isArray((workerData as { notices?: unknown } | null)?.notices)) {
  const { notices } = workerData as { notices: ReadNotice[] };
  parentPort.postMessage(notices.map((notice) => planOne(notice) ?? null));
}
