/**
 * The Markdown collections' loader (`src/lib/content/loader.ts`): front matter only, in path order,
 * unchanged entries kept, removed files dropped, bad files named with their line.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { frontMatterEntry, frontMatterLoader, markdownFrontMatter } from '../src/lib/content/loader.ts';

describe('markdownFrontMatter', () => {
  test('reads the fields between the two fences and nothing of the body', () => {
    const result = markdownFrontMatter('---\nnumber: 18\ntitle: 新增托位675个\n---\n\n新增托位675个。\n');
    expect(result).toEqual({ ok: true, data: { number: 18, title: '新增托位675个' } });
  });

  test('accepts a byte-order mark and Windows line ends', () => {
    expect(markdownFrontMatter('\uFEFF---\r\nyear: 2023\r\n---\r\nbody\r\n')).toEqual({ ok: true, data: { year: 2023 } });
  });

  test('gives an empty front matter as no fields', () => {
    expect(markdownFrontMatter('---\n---\nbody\n')).toEqual({ ok: true, data: {} });
  });

  test('reads a date as Astro’s Markdown loader did, and a small alias, but refuses an alias bomb', () => {
    expect(markdownFrontMatter('---\npublished: 2023-02-01\n---\n')).toEqual({ ok: true, data: { published: new Date('2023-02-01T00:00:00Z') } });
    expect(markdownFrontMatter('---\na: &x [1, 2]\nb: *x\n---\n')).toEqual({ ok: true, data: { a: [1, 2], b: [1, 2] } });
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9)
          .fill(`*${'abcdefghi'[i - 1]}`)
          .join(',')}]`,
      );
    const bomb = markdownFrontMatter(`---\n${levels.join('\n')}\n---\n`);
    expect(bomb).toMatchObject({ ok: false, message: expect.stringMatching(/^invalid YAML: .*alias/iu) });
  });

  test('names what is wrong, with the line in the file', () => {
    expect(markdownFrontMatter('number: 1\n')).toEqual({ ok: false, line: 1, message: 'no front matter: the file must begin with a line “---”' });
    expect(markdownFrontMatter('---\nnumber: 1\n')).toEqual({ ok: false, line: 1, message: 'front matter not closed: no second line “---”' });
    const bad = markdownFrontMatter('---\nnumber: 1\ntitle: [unclosed\n---\n');
    expect(bad.ok).toBe(false);
    expect(bad.ok ? 0 : bad.line).toBeGreaterThanOrEqual(3);
    expect(markdownFrontMatter('---\n- 1\n- 2\n---\n')).toEqual({ ok: false, line: 2, message: 'front matter must be a mapping of fields' });
  });
});

/** A data store and context of the shape Astro gives a loader, enough to watch what it does. */
function fakeContext(root: string) {
  const entries = new Map<string, { id: string; data: Record<string, unknown>; digest?: string; filePath?: string; body?: string }>();
  const parsed: string[] = [];
  /** The texts digested: every file read. */
  const digested: string[] = [];
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: { id: string; data: Record<string, unknown>; digest?: string; filePath?: string; body?: string }) => {
      entries.set(entry.id, entry);
      return true;
    },
    keys: () => [...entries.keys()],
    delete: (id: string) => void entries.delete(id),
  };
  const context = {
    store,
    config: { root: pathToFileURL(`${root}/`) },
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      parsed.push(id);
      return data;
    },
    generateDigest: (text: string) => {
      digested.push(text);
      return String(text.length) + text.slice(-12);
    },
  };
  return { entries, parsed, digested, context: context as unknown as Parameters<ReturnType<typeof frontMatterLoader>['load']>[0] };
}

describe('frontMatterEntry', () => {
  const Entry = z.object({ number: z.number().int(), title: z.string().min(1) });

  test('returns the front matter as the schema gives it', () => {
    expect(frontMatterEntry('a/18.md', '---\nnumber: 18\ntitle: 新增托位675个\n---\n正文\n', Entry)).toEqual({ number: 18, title: '新增托位675个' });
  });

  test('throws one line naming the file and the line of bad YAML', () => {
    expect(() => frontMatterEntry('a/18.md', '---\nnumber: 18\ntitle: a: b\n---\n', Entry)).toThrow(/^a\/18\.md:3: error: invalid YAML: [^\n]*$/u);
    expect(() => frontMatterEntry('a/18.md', 'number: 18\n', Entry)).toThrow(/^a\/18\.md:1: error: no front matter/u);
  });

  test('throws one line naming the file and the field the schema refuses', () => {
    expect(() => frontMatterEntry('a/18.md', '---\nnumber: 十八\ntitle: 托位\n---\n', Entry)).toThrow(/^a\/18\.md: error: field “number”: [^\n]+$/u);
  });
});

describe('frontMatterLoader', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const setUp = (): string => {
    root = mkdtempSync(join(tmpdir(), 'loader-'));
    const dir = join(root, 'content', 'commitments', '2023', 'a');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '2.md'), '---\nnumber: 2\n---\n\n第二项。\n');
    writeFileSync(join(dir, '10.md'), '---\nnumber: 10\n---\n\n第十项。\n');
    writeFileSync(join(dir, 'notes.txt'), 'not an entry');
    return join(root, 'content', 'commitments');
  };

  test('stores each .md file’s front matter under its id, in path order, with no body', async () => {
    const base = setUp();
    const { entries, context } = fakeContext(root);
    await frontMatterLoader({ base, id: (p) => p.replace(/\.md$/u, '') }).load(context);
    expect([...entries.keys()]).toEqual(['2023/a/10', '2023/a/2']);
    expect(entries.get('2023/a/2')).toMatchObject({ data: { number: 2 }, filePath: 'content/commitments/2023/a/2.md' });
    expect(entries.get('2023/a/2')?.body).toBeUndefined();
  });

  test('keeps an unchanged entry, reads a changed one again, drops a removed one', async () => {
    const base = setUp();
    const { entries, parsed, context } = fakeContext(root);
    const loader = frontMatterLoader({ base, id: (p) => p.replace(/\.md$/u, '') });
    await loader.load(context);
    parsed.length = 0;
    writeFileSync(join(base, '2023', 'a', '2.md'), '---\nnumber: 2\ntitle: 改过\n---\n');
    rmSync(join(base, '2023', 'a', '10.md'));
    await loader.load(context);
    expect(parsed).toEqual(['2023/a/2']);
    expect([...entries.keys()]).toEqual(['2023/a/2']);
    expect(entries.get('2023/a/2')?.data).toEqual({ number: 2, title: '改过' });
  });

  test('reads no file again whose size, modification time and inode are unchanged', async () => {
    const base = setUp();
    const { parsed, digested, context } = fakeContext(root);
    const loader = frontMatterLoader({ base, id: (p) => p.replace(/\.md$/u, '') });
    await loader.load(context);
    expect(digested).toHaveLength(2);
    digested.length = 0;
    parsed.length = 0;
    await loader.load(context);
    expect(digested).toEqual([]);
    expect(parsed).toEqual([]);
    // Changed in place, the same size, later (the time tells it; set here, as a clock tick may be coarser than two writes).
    writeFileSync(join(base, '2023', 'a', '2.md'), '---\nnumber: 3\n---\n\n第二项。\n');
    utimesSync(join(base, '2023', 'a', '2.md'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    await loader.load(context);
    expect(parsed).toEqual(['2023/a/2']);
  });

  test('reads a touched or copied file again, and keeps its entry unparsed when its text is the same', async () => {
    const base = setUp();
    const { entries, parsed, digested, context } = fakeContext(root);
    const loader = frontMatterLoader({ base, id: (p) => p.replace(/\.md$/u, '') });
    await loader.load(context);
    const before = entries.get('2023/a/2');
    parsed.length = 0;
    digested.length = 0;
    utimesSync(join(base, '2023', 'a', '2.md'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    await loader.load(context);
    expect(digested).toHaveLength(1);
    expect(parsed).toEqual([]);
    expect(entries.get('2023/a/2')?.data).toBe(before?.data);
    expect(entries.get('2023/a/2')?.digest).not.toBe(before?.digest);
    // And the next sync reads it no more.
    digested.length = 0;
    await loader.load(context);
    expect(digested).toEqual([]);
  });

  test('stops on a bad file with one line naming it and the line', async () => {
    const base = setUp();
    writeFileSync(join(base, '2023', 'a', '3.md'), '---\nnumber: 3\n');
    const { context } = fakeContext(root);
    await expect(frontMatterLoader({ base, id: (p) => p }).load(context)).rejects.toThrow(/^content\/commitments\/2023\/a\/3\.md:1: front matter not closed/u);
  });
});
