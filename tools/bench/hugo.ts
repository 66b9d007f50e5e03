/**
 * A minimal Hugo site over the same commitments, for the bench's speed
 * comparison (`npm run bench` runs Debian's `hugo` when it is installed).
 * Hugo reads the ingested commitment files as they are (`<content>/commitments/<year>/<district>/<n>.md`,
 * YAML front matter and Markdown) and renders each with a few lines of
 * template: its title, district, topic, body and lead departments, plus a list
 * page per section. No search index, no charts: what it measures is a
 * generator's pages per second on the same text.
 *
 * Pure: returns the files to write.
 */

/** Returns Hugo's project files (path → text): its config, pointing at `contentDir`, and its templates. */
export function hugoSiteFiles(contentDir: string): Record<string, string> {
  const config = [
    `baseURL = "https://minsheng.example.org/"`,
    `languageCode = "zh-CN"`,
    `title = "民生实事公开"`,
    `contentDir = ${JSON.stringify(contentDir)}`,
    `disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]`,
    `enableGitInfo = false`,
    ``,
  ].join('\n');
  const page = (body: string): string =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} · 民生实事公开</title></head><body><main>${body}</main></body></html>\n`;
  return {
    'config.toml': config,
    'layouts/_default/single.html': page(
      '<h1>{{ .Title }}</h1><p>{{ .Params.year }} · {{ .Params.district }} · {{ .Params.category }}</p>{{ .Content }}<p>牵头单位：{{ delimit .Params.leadUnits "、" }}</p>',
    ),
    'layouts/_default/list.html': page('<h1>{{ .Title }}</h1><ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>'),
  };
}
