/**
 * `/sitemap-<n>.xml`: the parts of the sitemap, at most 50,000 pages each
 * (`src/lib/site/pages.ts`), named by the sitemap index `/sitemap.xml`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { staticPaths } from '../lib/site/load.ts';
import { sitemapPartRoute } from '../lib/site/routes.ts';
import { sitemapXml } from '../lib/site/pages.ts';

export const getStaticPaths = (() => staticPaths(sitemapPartRoute)) satisfies GetStaticPaths;

export const GET: APIRoute<{ paths: string[] }> = ({ props }) =>
  new Response(sitemapXml(props.paths, import.meta.env.SITE, import.meta.env.BASE_URL), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
