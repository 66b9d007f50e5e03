/**
 * Machine-readable metadata (schema.org JSON-LD) for a commitment page, with
 * its permanent identifier. Pure.
 */
import type { CommitmentEntry, NoticeEntry } from '../schema.ts';
import { externalHref } from './urls.ts';

/** Returns the permanent identifier of a commitment: `minsheng:2023/huaibei-xiangshan/18`. */
export function commitmentId(c: Pick<CommitmentEntry, 'year' | 'district' | 'number'>): string {
  return `minsheng:${c.year}/${c.district}/${c.number}`;
}

/** Returns the JSON-LD object describing a commitment at `url`. */
export function commitmentJsonLd(input: { notice: NoticeEntry; commitment: CommitmentEntry; url: string; topicName?: string }): Record<string, unknown> {
  const { notice, commitment: c, url } = input;
  const publisher = { '@type': 'GovernmentOrganization', name: notice.issuer ?? notice.districtFull };
  const isPartOf: Record<string, unknown> = { '@type': 'CreativeWork', name: notice.title, publisher };
  if (notice.date) isPartOf['datePublished'] = notice.date;
  if (notice.docNumber) isPartOf['identifier'] = notice.docNumber;
  const sourceHref = externalHref(notice.sourceUrl);
  if (sourceHref) isPartOf['url'] = sourceHref;
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': url,
    url,
    identifier: commitmentId(c),
    name: c.title,
    text: c.text,
    position: c.number,
    inLanguage: 'zh-CN',
    spatialCoverage: { '@type': 'AdministrativeArea', name: notice.districtFull },
    temporalCoverage: String(c.year),
    isPartOf,
  };
  if (input.topicName) ld['about'] = input.topicName;
  return ld;
}

/** Returns JSON safe to place inside a `<script>` element (no `</script>` can close it early). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</gu, '\\u003c');
}
