import type { SourceLine } from '../lines.ts';
import type { Reading } from '../reading.ts';

/** Stub. */
export function readInline(lines: readonly SourceLine[], appendix: boolean): Reading | undefined {
  void lines;
  void appendix;
  return undefined;
}
