/**
 * `/robots.txt`: every crawler may read everything; names the sitemap.
 */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/site/pages.ts';

export const GET: APIRoute = () =>
  new Response(robotsTxt(import.meta.env.SITE, import.meta.env.BASE_URL), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
