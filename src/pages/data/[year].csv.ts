/** `/data/<year>.csv`: a year's commitments, one row each (see `src/lib/data/dataset.ts`). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { staticPaths } from '../../lib/site/load.ts';
import { yearCsvRoute } from '../../lib/site/routes.ts';
import type { Year } from '../../lib/site/model.ts';
import { siteOptions, yearFiles } from '../../lib/data/dataset.ts';
import { keptShares } from '../../lib/data/shares.ts';

export const getStaticPaths = (() => staticPaths(yearCsvRoute)) satisfies GetStaticPaths;

export const GET: APIRoute<{ year: Year }> = ({ props, site }) =>
  new Response(yearFiles(props.year, siteOptions(site, import.meta.env.BASE_URL), keptShares()).csv, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
