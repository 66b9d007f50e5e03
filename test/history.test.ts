/**
 * When content last changed (src/lib/site/history.ts): read from a git log, looked up by file, folder
 * and notice stem.
 */
import { describe, expect, test } from 'vitest';
import { commitmentKeys, districtKeys, lastChanged, parseHistory, sameHistory, yearHistoryLog, yearKeys } from '../src/lib/site/history.ts';

/** A `git log --format=%x00%cs --name-only` output: newest commit first. */
const log = [
  '\u00002026-11-20',
  '',
  'commitments/2023/huaibei-xiangshan/19.md',
  'notices/2023/huaibei-xiangshan.md',
  '\u00002026-10-01',
  '',
  'commitments/2023/huaibei-xiangshan/19.md',
  'commitments/2023/jinan-shizhong/1.md',
  'notices/2023/jinan-shizhong.yaml',
  '\u00002025-01-05',
  '',
  'notices/2022/demo.units.yaml',
  '',
].join('\n');
const history = parseHistory(log);

describe('the content history', () => {
  test('gives each file the date of its newest commit', () => {
    expect(history.get('commitments/2023/huaibei-xiangshan/19.md')).toBe('2026-11-20');
    expect(history.get('commitments/2023/jinan-shizhong/1.md')).toBe('2026-10-01');
  });

  test('gives a folder and a notice stem the newest date of the files under them', () => {
    expect(history.get('commitments/2023/')).toBe('2026-11-20');
    expect(history.get('notices/2023/jinan-shizhong.')).toBe('2026-10-01');
    expect(history.get('notices/2022/demo.')).toBe('2025-01-05');
    expect(history.get('')).toBe('2026-11-20');
  });

  test('answers a page by the newest of its keys, and nothing when none is known', () => {
    expect(lastChanged(history, districtKeys(2023, 'jinan-shizhong'))).toBe('2026-10-01');
    expect(lastChanged(history, commitmentKeys(2023, 'huaibei-xiangshan', 19))).toBe('2026-11-20');
    expect(lastChanged(history, yearKeys(2022))).toBe('2025-01-05');
    expect(lastChanged(history, districtKeys(2024, 'nowhere'))).toBeUndefined();
  });

  test('is empty for an empty log (no git): pages then say nothing rather than guess', () => {
    expect(parseHistory('').size).toBe(0);
  });
});

describe('the history of one year’s corpus (a snapshot’s pages are dated from it)', () => {
  test('keeps the year’s notices, commitments, reports and the corrections, and drops the commits left with no file', () => {
    const mixed = [
      '\u00002026-11-25',
      '',
      'notices/2024/new.txt',
      'corrections.yaml',
      '\u00002026-11-20',
      '',
      'notices/2024/new.yaml',
      '\u00002026-11-10',
      '',
      'reports/2023/q3/report.txt',
      'reports/2024/q1/report.txt',
      'commitments/2023/a/1.md',
      '',
    ].join('\n');
    const year = parseHistory(yearHistoryLog(mixed, 2023));
    expect(Object.fromEntries(year)).toEqual(
      Object.fromEntries(parseHistory(['\u00002026-11-25', 'corrections.yaml', '\u00002026-11-10', 'reports/2023/q3/report.txt', 'commitments/2023/a/1.md'].join('\n'))),
    );
    expect(year.get('')).toBe('2026-11-25');
    expect(year.has('notices/2024/')).toBe(false);
    expect(yearHistoryLog(mixed, 2022)).toBe(yearHistoryLog(['\u00002026-11-25', '', 'corrections.yaml', ''].join('\n'), 2022));
  });

  test('is the whole history when the content is that year’s alone, and sameHistory says so', () => {
    expect(sameHistory(parseHistory(yearHistoryLog(log, 2023)), history)).toBe(false);
    const only2023 = log.slice(0, log.indexOf('\u00002025-01-05'));
    expect(sameHistory(parseHistory(yearHistoryLog(only2023, 2023)), parseHistory(only2023))).toBe(true);
    expect(yearHistoryLog('', 2023)).toBe('');
  });
});
