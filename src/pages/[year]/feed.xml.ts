/**
 * `/<year>/feed.xml`: the Atom feed of the year's commitments (shaped in `src/lib/site/feed.ts`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { staticPaths } from '../../lib/site/load.ts';
import { feedRoute } from '../../lib/site/routes.ts';
import { contentHistory } from '../../lib/site/load.ts';
import { districtKeys, lastChanged } from '../../lib/site/history.ts';
import type { Year } from '../../lib/site/model.ts';
import { atomFeed } from '../../lib/site/feed.ts';

export const getStaticPaths = (() => staticPaths(feedRoute)) satisfies GetStaticPaths;

export const GET: APIRoute<{ year: Year }> = ({ props }) =>
  new Response(
    atomFeed(props.year, {
      site: import.meta.env.SITE,
      base: import.meta.env.BASE_URL,
      changed: (d) => lastChanged(contentHistory(), districtKeys(d.notice.year, d.notice.slug)),
    }),
    {
      headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
    },
  );
