/**
 * Astro's own floor on the bench's commitments: a minimal Astro project that renders the same
 * commitment files as the minimal Hugo site (`tools/bench/hugo.ts`), with the same few lines of
 * template, a page per commitment and a list page. It reads them as Astro reads Markdown out of the
 * box (the content layer's `glob` loader, each body rendered to HTML): no layout, no styles, no
 * script, no search, no open data.
 *
 * What it measures is the most pages per second Astro gives on this machine for these files, so the
 * bench can print how far the site's own build is from Astro's floor, and the floor from Hugo's rate.
 *
 * Pure: returns the files to write (the project's `node_modules` is linked by the caller).
 */

/** Returns the project's files (path → text), reading the commitments under `contentDir`. */
export function astroFloorFiles(contentDir: string): Record<string, string> {
  const page = (title: string, body: string): string =>
    `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${title} · 民生实事公开</title></head><body><main>${body}</main></body></html>\n`;
  return {
    'package.json': `${JSON.stringify({ name: 'minsheng-astro-floor', private: true, type: 'module' }, null, 2)}\n`,
    'astro.config.mjs': [
      `import { defineConfig } from 'astro/config';`,
      `export default defineConfig({ site: 'https://minsheng.example.org/', output: 'static', devToolbar: { enabled: false } });`,
      '',
    ].join('\n'),
    'src/content.config.ts': [
      `import { defineCollection } from 'astro:content';`,
      `import { glob } from 'astro/loaders';`,
      `export const collections = { commitments: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(contentDir)} }) }) };`,
      '',
    ].join('\n'),
    'src/pages/[...id].astro': [
      '---',
      `import { getCollection, render } from 'astro:content';`,
      `export async function getStaticPaths() {`,
      `  return (await getCollection('commitments')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));`,
      `}`,
      `const { entry } = Astro.props;`,
      `const { data } = entry;`,
      `const { Content } = await render(entry);`,
      '---',
      page('{data.title}', '<h1>{data.title}</h1><p>{data.year} · {data.district} · {data.category}</p><Content /><p>牵头单位：{(data.leadUnits ?? []).join("、")}</p>'),
    ].join('\n'),
    'src/pages/index.astro': [
      '---',
      `import { getCollection } from 'astro:content';`,
      `const entries = await getCollection('commitments');`,
      '---',
      page('民生实事', '<h1>民生实事</h1><ol>{entries.map((e) => <li><a href={`/${e.id}/`}>{e.data.title}</a></li>)}</ol>'),
    ].join('\n'),
  };
}
