/**
 * The minimal Hugo site the bench compares against (tools/bench/hugo.ts):
 * it reads the ingested commitments where they are and renders each with a
 * template that shows its text.
 */
import { describe, expect, test } from 'vitest';
import { hugoSiteFiles } from '../tools/bench/hugo.ts';

describe('hugoSiteFiles', () => {
  test('should point Hugo at the given commitments and render each one’s title, body and departments', () => {
    const files = hugoSiteFiles('/tmp/corpus "x"/commitments');
    expect(Object.keys(files).sort()).toEqual(['config.toml', 'layouts/_default/list.html', 'layouts/_default/single.html']);
    expect(files['config.toml']).toContain('contentDir = "/tmp/corpus \\"x\\"/commitments"');
    const single = files['layouts/_default/single.html'] ?? '';
    for (const part of ['{{ .Title }}', '{{ .Content }}', '.Params.leadUnits', 'lang="zh-CN"']) expect(single).toContain(part);
    expect(files['layouts/_default/list.html']).toContain('{{ range .Pages }}');
  });
});
