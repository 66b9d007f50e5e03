import { describe, expect, test } from 'vitest';
import {
  besideText,
  commitmentPath,
  commitmentsFolder,
  isNoticeSource,
  isOriginalFile,
  noticeMetaPath,
  noticePath,
  noticeStem,
  noticeTextPath,
  originalFileName,
  originalPath,
  placeOfNoticeText,
  placeOfReportText,
  reportEntryPath,
  reportTextPath,
  unitsPath,
} from '../src/lib/content/paths.ts';

const xiangshan = { year: 2023, slug: 'huaibei-xiangshan' };

describe('content file paths', () => {
  test('put a notice’s text, metadata, entry, departments and original side by side in its year’s folder', () => {
    expect(noticeTextPath(xiangshan)).toBe('notices/2023/huaibei-xiangshan.txt');
    expect(noticeMetaPath(xiangshan)).toBe('notices/2023/huaibei-xiangshan.yaml');
    expect(noticePath(xiangshan)).toBe('notices/2023/huaibei-xiangshan.md');
    expect(unitsPath(xiangshan)).toBe('notices/2023/huaibei-xiangshan.units.yaml');
    expect(originalPath(xiangshan, originalFileName('huaibei-xiangshan', 'docx'))).toBe('notices/2023/huaibei-xiangshan.orig.docx');
    expect(noticeStem(xiangshan)).toBe('notices/2023/huaibei-xiangshan.');
  });

  test('put commitment entries in a folder per notice, and reports in a folder of their own', () => {
    expect(commitmentPath(xiangshan, 18)).toBe('commitments/2023/huaibei-xiangshan/18.md');
    expect(commitmentsFolder(2023)).toBe('commitments/2023/');
    expect(commitmentsFolder(2023, 'huaibei-xiangshan')).toBe('commitments/2023/huaibei-xiangshan/');
    expect(reportTextPath({ year: 2024, slug: 'q2' })).toBe('reports/2024/q2/report.txt');
    expect(reportEntryPath({ year: 2024, slug: 'q2' })).toBe('reports/2024/q2/report.md');
    expect(besideText('reports/2024/q2/report.txt', '.yaml')).toBe('reports/2024/q2/report.yaml');
  });

  test('read a notice’s or report’s place back from its text path, and nothing from any other path', () => {
    expect(placeOfNoticeText(noticeTextPath(xiangshan))).toEqual(xiangshan);
    expect(placeOfNoticeText('notices/2023/sub/x.txt')).toBeUndefined();
    expect(placeOfNoticeText('notices/23/x.txt')).toBeUndefined();
    expect(placeOfReportText(reportTextPath({ year: 2024, slug: 'fixture-q2' }))).toEqual({ year: 2024, slug: 'fixture-q2' });
    expect(placeOfReportText('reports/2024/Bad_Slug/report.txt')).toBeUndefined();
    expect(placeOfReportText('reports/2024/q2/other.txt')).toBeUndefined();
  });

  test('tell the sources of a notice (text, metadata, original) from the generated files', () => {
    expect(['x.txt', 'x.yaml', 'x.orig.pdf', 'x.orig.txt', 'x.md', 'x.units.yaml'].filter(isNoticeSource)).toEqual(['x.txt', 'x.yaml', 'x.orig.pdf', 'x.orig.txt']);
    expect(isOriginalFile('notices/2023/x.orig.txt')).toBe(true);
    expect(isOriginalFile('notices/2023/x.txt')).toBe(false);
  });
});
