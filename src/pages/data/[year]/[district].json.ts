/** `/data/<year>/<slug>.json`: one notice's open data (see `src/lib/data/dataset.ts`). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { staticPaths } from '../../../lib/site/load.ts';
import { districtDataRoute } from '../../../lib/site/routes.ts';
import type { District } from '../../../lib/site/model.ts';
import { jsonText, noticeDataOf, siteOptions } from '../../../lib/data/dataset.ts';

export const getStaticPaths = (() => staticPaths(districtDataRoute)) satisfies GetStaticPaths;

export const GET: APIRoute<{ district: District }> = ({ props, site }) =>
  new Response(jsonText(noticeDataOf(props.district, siteOptions(site, import.meta.env.BASE_URL))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
