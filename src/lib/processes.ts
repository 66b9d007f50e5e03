/**
 * Whether a process is running: what tells a folder or file left by a build killed outright (its name
 * carries the process id) from one a build still running is writing. I/O edge.
 */

/** Returns whether a process of this id is running (one of another user's counts: it cannot be signalled, but it is there). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
