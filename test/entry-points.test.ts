/**
 * The entry point of each stage (`src/lib/<stage>/index.ts`) offers what its doc comment says, and
 * loads outside an Astro build (no `astro:content`), so scripts can import through it.
 */
import { describe, expect, test } from 'vitest';
import * as content from '../src/lib/content/index.ts';
import * as parse from '../src/lib/parse/index.ts';
import * as report from '../src/lib/report/index.ts';
import * as site from '../src/lib/site/index.ts';
import * as taxonomy from '../src/lib/taxonomy/index.ts';

describe('stage entry points', () => {
  test('parse should offer the parser, the kind of a document and the reading primitives the report stage shares', () => {
    expect(Object.keys(parse).sort()).toEqual([
      'cellText',
      'documentKind',
      'extractTargets',
      'fold',
      'isAppendixStart',
      'isClosingLine',
      'isMeasuresLabel',
      'isWholeUnitName',
      'numeral',
      'parseNotice',
      'readDate',
      'readDocNumber',
      'readIssuer',
      'readLines',
      'readMarker',
      'readTable',
      'splitLines',
      'squash',
      'tableEnd',
      'withoutNotes',
    ]);
  });

  test('parse should read a notice and tell it from a report through the entry point', () => {
    const text = '某区2024年民生实事\n一、新增托位100个（区教育局负责）\n二、改造老旧小区3个（区住建局负责）\n';
    const parsed = parse.parseNotice(text);
    expect(parsed.ok && parsed.notice.commitments.map((c) => c.number)).toEqual([1, 2]);
    expect(parse.documentKind(text)).toBe('notice');
  });

  test('report should offer parsing, matching, the status rules, histories and the ingest plan', () => {
    expect(Object.keys(report).sort()).toEqual(['currentStatus', 'matchReport', 'methodology', 'minScore', 'parseReport', 'planReports', 'sortHistory', 'statusOrder']);
  });

  test('taxonomy should offer topics, departments and indicators', () => {
    expect(Object.keys(taxonomy).sort()).toEqual([
      'assignTopic',
      'fullUnitName',
      'indicatorValues',
      'indicators',
      'otherFunction',
      'planUnits',
      'slugWords',
      'topicBySlug',
      'topics',
      'unitFunction',
      'unitFunctions',
    ]);
  });

  test('content should offer the ingest plan, the entries, the add skeleton and the paths', () => {
    for (const name of ['planIngest', 'sha256', 'toMarkdown', 'metaSkeleton', 'checkOriginal', 'noticeTextPath', 'commitmentPermalink', 'generated'] as const) {
      expect(content).toHaveProperty(name);
    }
    expect(content.sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('site should offer the model, page data and permanence, but not the Astro-only loader', () => {
    for (const name of ['buildModel', 'topicListing', 'statusBar', 'atomFeed', 'sitemapXml', 'checkPermanence', 'fingerprint', 'cspDirectives', 'withBase'] as const) {
      expect(site).toHaveProperty(name);
    }
    expect(site).not.toHaveProperty('loadModel');
  });
});
