/** `/data/schema.json`: the JSON Schema (draft 2020-12) of every open-data JSON file. */
import type { APIRoute } from 'astro';
import { datasetJsonSchema, jsonText, siteOptions } from '../../lib/data/dataset.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(jsonText(datasetJsonSchema(siteOptions(site, import.meta.env.BASE_URL))), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
