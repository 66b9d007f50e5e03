/**
 * `/sitemap.xml`: every HTML page of the site (enumerated in `src/lib/site/pages.ts`).
 */
import type { APIRoute } from 'astro';
import { loadModel } from '../lib/site/load.ts';
import { publicPages, sitemapXml } from '../lib/site/pages.ts';

export const GET: APIRoute = async () =>
  new Response(sitemapXml(publicPages(await loadModel()), import.meta.env.SITE, import.meta.env.BASE_URL), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
