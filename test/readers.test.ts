/**
 * What readers find with: the topic facet of a district's page, areas named by their own kind, the
 * search page's department menu grouped by district, and topic pages that list a commitment under
 * each of its topics.
 */
import { describe, expect, test } from 'vitest';
import { areaCount, areaKind, areaWord } from '../src/lib/site/areas.ts';
import { facetAnchor, itemAnchor, topicFacet, topicValues } from '../src/lib/site/facets.ts';
import { topicListing } from '../src/lib/site/listing.ts';
import { unitGroups, commitmentRecord } from '../src/lib/search/record.ts';
import { buildModel } from '../src/lib/site/model.ts';
import { notice, oneYear, places, registry, topicCommitment, units } from './helpers/records.ts';

const xs = places.xiangshan;
const year = oneYear(
  [notice(xs, { commitmentCount: 3 })],
  [
    topicCommitment(xs, 1, 'elderly-care'),
    topicCommitment(xs, 2, 'childcare-education', { topic: { slug: 'childcare-education', how: 'heading', matched: '教育', also: ['elderly-care'] } }),
    topicCommitment(xs, 3, 'transport'),
  ],
);
const district = year.districts[0]!;

describe('the topic facet of a district page', () => {
  test('lists each topic of the district once, in taxonomy order, with the numbers of its commitments, main or other', () => {
    expect(topicFacet(district)).toEqual({
      name: 'topic',
      label: '主题',
      values: [
        { value: 'elderly-care', label: '养老服务', numbers: [1, 2] },
        { value: 'childcare-education', label: '托育与教育', numbers: [2] },
        { value: 'transport', label: '交通出行', numbers: [3] },
      ],
    });
  });

  test('writes an item its topics main first, and anchors that the page links to', () => {
    expect(topicValues(district.commitments[1]!)).toBe('childcare-education elderly-care');
    expect(itemAnchor(19)).toBe('item-19');
    expect(facetAnchor('topic', 'elderly-care')).toBe('topic-elderly-care');
  });
});

describe('topic pages and search filters', () => {
  test('list a commitment under its other topics too', () => {
    const listing = topicListing(year, 'elderly-care');
    expect(listing.kind === 'items' && listing.sections[0]?.items.map((c) => c.number)).toEqual([1, 2]);
    expect(commitmentRecord(district, district.commitments[1]!).filters.topic).toEqual(['托育与教育', '养老服务']);
  });
});

describe('areas by their own kind', () => {
  test.each<readonly [string, string]>([
    ['淮北市相山区', '区县'],
    ['某某县', '区县'],
    ['某某市', '区县'],
    ['济宁经济技术开发区', '经济技术开发区'],
    ['某某高新技术产业开发区', '高新技术产业开发区'],
    ['某某开发区', '开发区'],
    ['天津市滨海新区', '新区'],
  ])('calls %s a %s', (name, kind) => {
    expect(areaKind(name)).toBe(kind);
  });

  test('counts areas by kind, 区县 first', () => {
    expect(areaCount(['淮北市相山区', '天津市河东区'])).toBe('2 个区县');
    expect(areaCount(['济宁经济技术开发区', '淮北市相山区', '天津市河东区', '天津市滨海新区'])).toBe('2 个区县、1 个经济技术开发区、1 个新区');
    expect(areaCount(['济宁经济技术开发区'])).toBe('1 个经济技术开发区');
    expect(areaWord(['淮北市相山区'])).toBe('区县');
    expect(areaWord(['淮北市相山区', '济宁经济技术开发区'])).toBe('地区');
  });
});

describe('the department menu of the search page', () => {
  const two = buildModel(
    [notice(places.hedong), notice(places.nankai)],
    [],
    [registry(places.hedong, [units.minzheng, units.caizheng]), registry(places.nankai, [units.minzheng])],
  );

  test("groups departments by district in the site's order (河东 before 南开 by pinyin), so two 区民政局 are told apart", () => {
    expect(unitGroups(two)).toEqual([
      { district: '天津市河东区', units: ['区财政局', '区民政局'] },
      { district: '天津市南开区', units: ['区民政局'] },
    ]);
  });

  test('gives no groups beyond the limit of districts, where one list of names is kept', () => {
    expect(unitGroups(two, 1)).toBeUndefined();
  });
});
