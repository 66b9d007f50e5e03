/**
 * A content folder as a git repository with commits on fixed dates: the pages are dated from the
 * content's git history (`src/lib/site/history.ts`), so tests that check dates make their own.
 */
import { spawnSync } from 'node:child_process';

/** Runs git in `dir` with `env`; throws its error output when it fails. */
function git(dir: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${dir}: ${r.stderr}`);
}

/** Makes `dir` a git repository (nothing committed). */
export function gitInit(dir: string): void {
  git(dir, ['init', '-q']);
}

/** Commits every change below `dir` on `date` (`YYYY-MM-DD`, 08:00 UTC), as author and committer. */
export function commitAll(dir: string, date: string): void {
  const dated = { ...process.env, GIT_AUTHOR_DATE: `${date}T08:00:00Z`, GIT_COMMITTER_DATE: `${date}T08:00:00Z` };
  git(dir, ['add', '-A'], dated);
  git(dir, ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', date], dated);
}
