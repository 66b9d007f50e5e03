/**
 * The search page's controller (src/lib/search/controller.ts), without a browser: Pagefind is a
 * fake index whose parts, searches and result pages resolve when the test says so, and the page is
 * a view double that records what it was told to show.
 */
import { describe, expect, test } from 'vitest';
import { batch, createSearchController, narrowMenu, pageSize, statusText } from '../src/lib/search/controller.ts';
import type { NarrowedMenu, PagefindData, PagefindResult, SearchBackend, SearchForm, SearchIndex, SearchView, UnitMenu } from '../src/lib/search/controller.ts';
import { partFilterValue } from '../src/lib/search/parts.ts';
import type { DistrictUnits, PartsManifest } from '../src/lib/search/parts.ts';
import type { UnitMatches } from '../src/lib/search/units.ts';
import { directoryShards, textKeys } from '../src/lib/search/directory.ts';
import type { DirectoryShard } from '../src/lib/search/directory.ts';
import { indexText, indexWords } from '../src/lib/search/terms.ts';

/** A promise the test settles. */
interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}
function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** Lets every settled promise's callbacks run. */
const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 0));

/** A page's data as the index gives it: its text as index words (terms.ts). */
function pageData(url: string, text: string, filters: Record<string, string[]> = {}): PagefindData {
  return { url, content: indexWords(text), meta: { title: url }, filters };
}

/** A result whose data is fetched when asked, counting the fetches. */
function result(data: PagefindData, fetched: string[], gate?: Promise<void>): PagefindResult {
  return {
    id: data.url,
    data: async () => {
      fetched.push(data.url);
      if (gate) await gate;
      return data;
    },
  };
}

/** What the view double was told. */
interface Shown {
  statuses: string[];
  urls: string[];
  more: { hidden: boolean; disabled: boolean };
  remembered: SearchForm[];
  menu?: NarrowedMenu;
  /** Each set of department links shown, in turn. */
  unitLinks: UnitMatches[];
}

/** A view double: the form holds `form`; the department menu is `menu` (with its district). */
function fakeView(form: SearchForm, menu?: UnitMenu & { district: string }): { view: SearchView; shown: Shown; form: SearchForm } {
  const shown: Shown = { statuses: [], urls: [], more: { hidden: true, disabled: false }, remembered: [], unitLinks: [] };
  const state = { form, menu };
  const view: SearchView = {
    read: () => ({ query: state.form.query, filters: { ...state.form.filters } }),
    remember: (f) => shown.remembered.push(f),
    status: (text) => shown.statuses.push(text),
    clear: () => {
      shown.urls = [];
    },
    append: (pages) => shown.urls.push(...pages.map((p) => p.url)),
    more: (s) => {
      shown.more = { ...shown.more, ...s };
    },
    unitMenu: () => state.menu,
    applyUnitMenu: (m) => {
      shown.menu = m;
    },
    unitLinks: (m) => shown.unitLinks.push(m),
  };
  return { view, shown, form };
}

const lastStatus = (shown: Shown): string | undefined => shown.statuses[shown.statuses.length - 1];

/** A manifest of parts: the first part `''`, then `part-2/`… holding the districts given. */
function manifest(...districts: string[][]): PartsManifest {
  return { parts: districts.map((d, n) => ({ path: n === 0 ? '' : `part-${n + 1}/`, pages: 10, years: ['2023'], districts: d })) };
}

/** A fake index: `search` answers from `answer` (per query terms); every merge and search is recorded. */
function fakeIndex(parts: PartsManifest, answer: (terms: string | null, filters: Record<string, string>) => Promise<{ results: PagefindResult[] } | null>) {
  const log: string[] = [];
  const index: SearchIndex = {
    manifest: parts,
    mergePart: async (path) => {
      log.push(`merge ${path}`);
    },
    search: (terms, filters) => {
      log.push(`search ${terms ?? '(filters)'} ${JSON.stringify(filters)}`);
      return answer(terms, filters);
    },
  };
  return { index, log };
}

/**
 * A fake index in parts, as Pagefind holds them: `pages[path]` are the pages of the part at `path`
 * (the first's is ''), in Pagefind's order. A phrase (`"托 位"`) finds the pages whose letters and
 * digits hold its characters next to each other (as Pagefind's exact search, symbols dropped); a
 * search answers from the parts merged so far (the first always), from the one part its `part`
 * filter names when it names one, and keeps the pages holding its other filters' values. Every
 * merge and search is recorded.
 */
function partedIndex(parts: PartsManifest, pages: Record<string, PagefindData[]>, fetched: string[], mergePart?: (path: string) => Promise<void>) {
  const log: string[] = [];
  const merged = new Set(['']);
  const index: SearchIndex = {
    manifest: parts,
    mergePart: async (path) => {
      log.push(`merge ${path}`);
      await mergePart?.(path);
      merged.add(path);
    },
    search: async (phrase, filters) => {
      log.push(`search ${phrase ?? '(filters)'} ${JSON.stringify(filters)}`);
      const { part, ...others } = filters;
      const letters = (text: string): string => text.replace(/[^\p{L}\p{N}]/gu, '');
      const finds = (d: PagefindData): boolean =>
        (phrase === null || letters(indexText(d.content)).includes(letters(phrase))) && Object.entries(others).every(([k, v]) => d.filters[k]?.includes(v));
      const searched = parts.parts.filter((p) => merged.has(p.path) && (part === undefined || part === partFilterValue(p.path)));
      return { results: searched.flatMap((p) => (pages[p.path] ?? []).filter(finds).map((d) => result(d, fetched))) };
    },
  };
  return { index, log };
}

/** A manifest's directory gives no shard (the index has none): asking for one fails the test. */
const noDirectory = async (path: string): Promise<DirectoryShard> => Promise.reject(new Error(`no directory, yet ${path} was asked for`));

/**
 * A backend giving `index`, each units file from `units` (by its path) and each shard of the directory
 * from `shards`; `unitsAsked` and `shardsAsked` record which were loaded.
 */
function backendOf(
  index: SearchIndex,
  units: Record<string, DistrictUnits> = {},
  shards?: ReadonlyMap<string, DirectoryShard>,
): SearchBackend & { loads: number; unitsAsked: string[]; shardsAsked: string[] } {
  const backend = {
    loads: 0,
    unitsAsked: [] as string[],
    shardsAsked: [] as string[],
    load: async () => {
      backend.loads++;
      return index;
    },
    units: async (path: string) => {
      backend.unitsAsked.push(path);
      return units[path] ?? {};
    },
    directory: async (path: string) => {
      backend.shardsAsked.push(path);
      const shard = shards?.get(path);
      if (shard === undefined) throw new Error(`pagefind/${path}: HTTP 404`);
      return shard;
    },
  };
  return backend;
}

describe('search controller: overlapping searches', () => {
  test('should never show an older, slower search’s results over a newer one’s', async () => {
    const slow = deferred<{ results: PagefindResult[] } | null>();
    const fetched: string[] = [];
    const { index } = fakeIndex(manifest(['甲区']), (terms) =>
      terms === '"托 位"' ? slow.promise : Promise.resolve({ results: [result(pageData('/yanglao/', '建设养老服务中心'), fetched)] }),
    );
    const { view, shown, form } = fakeView({ query: '托位', filters: {} });
    const search = createSearchController(backendOf(index), view, () => undefined);
    const older = search.run();
    await settle();
    form.query = '养老';
    await search.run();
    expect(shown.urls).toEqual(['/yanglao/']);
    expect(lastStatus(shown)).toBe('“养老”：找到 1 个页面。');
    // The older search answers last: nothing of it is shown.
    slow.resolve({ results: [result(pageData('/tuowei/', '新增托位675个'), fetched)] });
    await older;
    await settle();
    expect(shown.urls).toEqual(['/yanglao/']);
    expect(lastStatus(shown)).toBe('“养老”：找到 1 个页面。');
    expect(fetched).toEqual(['/yanglao/']);
  });

  test('should drop an older search whose result pages arrive after a newer search began', async () => {
    const gate = deferred<void>();
    const fetched: string[] = [];
    const { index } = fakeIndex(manifest(['甲区']), async (terms) =>
      terms === '"托 位"' ? { results: [result(pageData('/tuowei/', '新增托位675个'), fetched, gate.promise)] } : { results: [] },
    );
    const { view, shown, form } = fakeView({ query: '托位', filters: {} });
    const search = createSearchController(backendOf(index), view, () => undefined);
    const older = search.run();
    await settle();
    expect(fetched).toEqual(['/tuowei/']);
    form.query = '停车';
    await search.run();
    expect(lastStatus(shown)).toBe('没有找到“停车”的结果。');
    gate.resolve();
    await older;
    expect(shown.urls).toEqual([]);
    expect(lastStatus(shown)).toBe('没有找到“停车”的结果。');
  });

  test('should drop the error of a search a newer one replaced, and show the newer one’s', async () => {
    const failing = deferred<{ results: PagefindResult[] } | null>();
    const { index } = fakeIndex(manifest(['甲区']), (terms) => (terms === '"托 位"' ? failing.promise : Promise.resolve({ results: [] })));
    const { view, shown, form } = fakeView({ query: '托位', filters: {} });
    const errors: unknown[] = [];
    const search = createSearchController(backendOf(index), view, (e) => errors.push(e));
    const older = search.run();
    await settle();
    form.query = '停车';
    await search.run();
    failing.reject(new Error('fragment: HTTP 500'));
    await older;
    expect(errors).toEqual([]);
    expect(lastStatus(shown)).toBe('没有找到“停车”的结果。');
  });
});

describe('search controller: index parts', () => {
  /** `n` pages of a district holding 托位 (`/<district>/<i>/`). */
  const holding = (district: string, n: number): PagefindData[] =>
    Array.from({ length: n }, (_, i) => pageData(`/${district}/${i}/`, `${district}新增托位${i}个`, { district: [district] }));

  test('should search a query over everything one part at a time, merging the next part only when the screenful is not full', async () => {
    const fetched: string[] = [];
    const pages = { '': holding('甲区', 25), 'part-2/': holding('乙区', 10), 'part-3/': [...holding('丙区', 3), pageData('/丙区/养老/', '养老服务中心')] };
    const { index, log } = partedIndex(manifest(['甲区'], ['乙区'], ['丙区']), pages, fetched);
    const { view, shown } = fakeView({ query: '托位', filters: {} });
    const search = createSearchController(backendOf(index), view, () => undefined);
    await search.run();
    // The first part fills the first screenful: no other part is loaded.
    expect(log).toEqual(['search "托 位" {"part":"part-1/"}']);
    expect(shown.urls).toEqual(pages[''].slice(0, pageSize).map((p) => p.url));
    expect(lastStatus(shown)).toBe('“托位”：已找到 25 个页面，还有更多可继续显示。');
    expect(shown.more).toEqual({ hidden: false, disabled: false });
    // “显示更多”: the rest of the first part, then the next parts in turn, each searched alone, until the screenful is full or every part searched.
    await search.showMore();
    expect(log).toEqual(['search "托 位" {"part":"part-1/"}', 'merge part-2/', 'search "托 位" {"part":"part-2/"}', 'merge part-3/', 'search "托 位" {"part":"part-3/"}']);
    const all = [...pages[''], ...pages['part-2/'], ...pages['part-3/'].slice(0, 3)].map((p) => p.url);
    expect(shown.urls).toEqual(all);
    expect(new Set(shown.urls).size).toBe(all.length);
    expect(lastStatus(shown)).toBe('“托位”：找到 38 个页面。');
    expect(shown.more.hidden).toBe(true);
  });

  test('should merge further parts before the first screenful when the parts before hold fewer pages than a screenful', async () => {
    const fetched: string[] = [];
    const pages = { '': holding('甲区', 3), 'part-2/': [], 'part-3/': holding('丙区', 30) };
    const { index, log } = partedIndex(manifest(['甲区'], ['乙区'], ['丙区'], ['丁区']), pages, fetched);
    const { view, shown } = fakeView({ query: '托位', filters: {} });
    await createSearchController(backendOf(index), view, () => undefined).run();
    expect(log.filter((l) => l.startsWith('merge'))).toEqual(['merge part-2/', 'merge part-3/']);
    expect(shown.urls).toEqual([...pages[''], ...pages['part-3/'].slice(0, pageSize - 3)].map((p) => p.url));
    expect(lastStatus(shown)).toBe('“托位”：已找到 33 个页面，还有更多可继续显示。');
    // The fourth part is not loaded yet, and only the checked batch's pages were fetched.
    expect(fetched.length).toBe(3 + 30);
  });

  /** The manifest's parts with their directory, made from the parts' pages as the index makes it (`directoryShards`). */
  const withDirectory = (parts: PartsManifest, pages: Record<string, PagefindData[]>): { parts: PartsManifest; shards: Map<string, DirectoryShard> } => {
    const { summary, files } = directoryShards(parts.parts.map((p) => [...textKeys(indexText((pages[p.path] ?? []).map((d) => d.content).join(' ')))]));
    return { parts: { ...parts, directory: summary }, shards: files };
  };

  test('should merge and search only the parts the directory says can hold the query, loading each shard once', async () => {
    const fetched: string[] = [];
    const pages = {
      '': holding('甲区', 3),
      'part-2/': [pageData('/乙区/1/', '沙林社区新建口袋公园1个')],
      'part-3/': holding('丙区', 3),
      'part-4/': [pageData('/丁区/1/', '林沙路改造')],
    };
    const { parts, shards } = withDirectory(manifest(['甲区'], ['乙区'], ['丙区'], ['丁区']), pages);
    const { index, log } = partedIndex(parts, pages, fetched);
    const { view, shown } = fakeView({ query: '沙林', filters: {} });
    const backend = backendOf(index, {}, shards);
    const search = createSearchController(backend, view, () => undefined);
    await search.run();
    // 丁区 holds 沙 and 林, but never 沙林: only part-2/ is merged and searched.
    expect(log).toEqual(['merge part-2/', 'search "沙 林" {"part":"part-2/"}']);
    expect(shown.urls).toEqual(['/乙区/1/']);
    expect(lastStatus(shown)).toBe('“沙林”：找到 1 个页面。');
    expect(backend.shardsAsked.length).toBe(1);
    await search.run();
    expect(backend.shardsAsked.length).toBe(1);
    // A query of two runs needs the keys of both: 托位 is in three parts, 甲区 in the first alone.
    view.read = () => ({ query: '甲区 托位', filters: {} });
    await search.run();
    expect(log.slice(3)).toEqual(['search "甲 区" {"part":"part-1/"}', 'search "托 位" {"part":"part-1/"}']);
    expect(lastStatus(shown)).toBe('“甲区 托位”：找到 3 个页面。');
  });

  test('should say nothing was found, merging no part, when no part holds the query', async () => {
    const pages = { '': holding('甲区', 3), 'part-2/': holding('乙区', 3) };
    const { parts, shards } = withDirectory(manifest(['甲区'], ['乙区']), pages);
    const { index, log } = partedIndex(parts, pages, []);
    const { view, shown } = fakeView({ query: '位托', filters: {} });
    await createSearchController(backendOf(index, {}, shards), view, () => undefined).run();
    expect(log).toEqual([]);
    expect(lastStatus(shown)).toBe('没有找到“位托”的结果。');
  });

  test('should search every part when the directory does not load, and say why in the log', async () => {
    const pages = { '': holding('甲区', 3), 'part-2/': holding('乙区', 3) };
    const { parts } = withDirectory(manifest(['甲区'], ['乙区']), pages);
    const { index, log } = partedIndex(parts, pages, []);
    const { view, shown } = fakeView({ query: '托位', filters: {} });
    const errors: unknown[] = [];
    await createSearchController(backendOf(index, {}, new Map()), view, (e) => errors.push(e)).run();
    expect(log.filter((l) => l.startsWith('search'))).toEqual(['search "托 位" {"part":"part-1/"}', 'search "托 位" {"part":"part-2/"}']);
    expect(lastStatus(shown)).toBe('“托位”：找到 6 个页面。');
    expect(String(errors[0])).toMatch(/directory\/\d+\.json: HTTP 404/u);
  });

  test('should search the newest year’s parts first in a search over every year', async () => {
    const fetched: string[] = [];
    const parts: PartsManifest = {
      parts: [
        { path: '', pages: 10, years: ['2022'], districts: ['甲区'] },
        { path: 'part-2/', pages: 10, years: ['2023'], districts: ['甲区'] },
      ],
    };
    const pages = { '': holding('甲区', 2), 'part-2/': [pageData('/2023/甲区/1/', '新增托位', { district: ['甲区'] })] };
    const { index, log } = partedIndex(parts, pages, fetched);
    const { view, shown } = fakeView({ query: '托位', filters: {} });
    await createSearchController(backendOf(index), view, () => undefined).run();
    expect(log).toEqual(['merge part-2/', 'search "托 位" {"part":"part-2/"}', 'search "托 位" {"part":"part-1/"}']);
    expect(shown.urls).toEqual(['/2023/甲区/1/', ...pages[''].map((p) => p.url)]);
  });

  test('should merge every part a search by filters alone needs before it searches, and count every result', async () => {
    const fetched: string[] = [];
    const pages = { '': holding('甲区', 5), 'part-2/': holding('乙区', 30), 'part-3/': holding('丙区', 2) };
    const { index, log } = partedIndex(manifest(['甲区'], ['乙区'], ['丙区']), pages, fetched);
    const { view, shown } = fakeView({ query: '', filters: { type: '事项' } });
    // Every page is of type 事项 here.
    for (const list of Object.values(pages)) for (const p of list) p.filters.type = ['事项'];
    await createSearchController(backendOf(index), view, () => undefined).run();
    expect(log).toEqual(['merge part-2/', 'merge part-3/', 'search (filters) {"type":"事项"}']);
    expect(lastStatus(shown)).toBe('所选条件：找到 37 个页面（筛选：事项）。');
    expect(shown.urls.length).toBe(pageSize);
  });

  test('should merge each part once when searches overlap, and load Pagefind once', async () => {
    const merges: Deferred<void>[] = [];
    const fetched: string[] = [];
    const { index, log } = partedIndex(manifest(['甲区'], ['乙区'], ['丙区']), { 'part-3/': holding('丙区', 1) }, fetched, () => {
      const d = deferred<void>();
      merges.push(d);
      return d.promise;
    });
    const backend = backendOf(index);
    const { view, shown, form } = fakeView({ query: '托位', filters: {} });
    const search = createSearchController(backend, view, () => undefined);
    const first = search.run();
    await settle();
    form.query = '新增托位';
    const second = search.run();
    await settle();
    // Both searches found nothing in the first part, and wait on the same merge of part 2.
    expect(log.filter((l) => l.startsWith('merge'))).toEqual(['merge part-2/']);
    for (let i = 0; i < 2; i++) {
      merges[i]?.resolve();
      await settle();
    }
    await Promise.all([first, second]);
    expect(log.filter((l) => l.startsWith('merge'))).toEqual(['merge part-2/', 'merge part-3/']);
    expect(shown.urls).toEqual(['/丙区/0/']);
    // The older search stopped at its first part: only the newer one searched parts 2 and 3.
    expect(log.filter((l) => l.startsWith('search "托 位"'))).toEqual(['search "托 位" {"part":"part-1/"}']);
    form.query = '托位';
    await search.run();
    expect(log.filter((l) => l.startsWith('merge'))).toEqual(['merge part-2/', 'merge part-3/']);
    expect(backend.loads).toBe(1);
  });

  test('should keep “显示更多” to try a part that did not load again, and go on from that part', async () => {
    const fetched: string[] = [];
    let failures = 1;
    const pages = { '': holding('甲区', 20), 'part-2/': holding('乙区', 4) };
    const { index } = partedIndex(manifest(['甲区'], ['乙区']), pages, fetched, async (path) => {
      if (path === 'part-2/' && failures-- > 0) throw new Error('part-2/pagefind-entry.json: HTTP 503');
    });
    const { view, shown } = fakeView({ query: '托位', filters: {} });
    const search = createSearchController(backendOf(index), view, () => undefined);
    await search.run();
    expect(shown.urls.length).toBe(pageSize);
    await expect(search.showMore()).rejects.toThrow('HTTP 503');
    expect(shown.more).toEqual({ hidden: false, disabled: false });
    await search.showMore();
    expect(shown.urls).toEqual([...pages[''], ...pages['part-2/']].map((p) => p.url));
    expect(lastStatus(shown)).toBe('“托位”：找到 24 个页面。');
    expect(shown.more.hidden).toBe(true);
  });

  test('should merge and search only the part holding the chosen district', async () => {
    const { index, log } = fakeIndex(manifest(['甲区'], ['乙区'], ['丙区']), async () => ({ results: [] }));
    const { view } = fakeView({ query: '托位', filters: { district: '丙区' } });
    await createSearchController(backendOf(index), view, () => undefined).run();
    expect(log).toEqual(['merge part-3/', 'search "托 位" {"district":"丙区","part":"part-3/"}']);
  });

  test('should search each run of the query as a phrase and show the pages every phrase finds, in the first one’s order', async () => {
    const fetched: string[] = [];
    const [a, b, c] = [pageData('/a/', '新增托位，改造老旧小区'), pageData('/b/', '新增托位'), pageData('/c/', '老旧小区改造，新增托位')];
    const answers: Record<string, PagefindData[]> = { '"托 位"': [a, b, c], '"改 造"': [c, a] };
    const { index, log } = fakeIndex(manifest(['a']), async (phrase) => ({ results: (answers[phrase ?? ''] ?? []).map((p) => result(p, fetched)) }));
    const { view, shown } = fakeView({ query: '托位 改造', filters: {} });
    await createSearchController(backendOf(index), view, () => undefined).run();
    expect(log).toEqual(['search "托 位" {"part":"part-1/"}', 'search "改 造" {"part":"part-1/"}']);
    expect(shown.urls).toEqual(['/a/', '/c/']);
    expect(lastStatus(shown)).toBe('“托位 改造”：找到 2 个页面。');
  });

  test('should show each part’s results in Pagefind’s order, part after part, only those holding the query itself', async () => {
    const fetched: string[] = [];
    const pages = {
      '': [
        pageData('/2023/a/7/', '新增托位120个'),
        // 托 and 位 with a symbol between: Pagefind's phrase search finds it (its index drops symbols), the page is not shown.
        pageData('/2023/a/3/', '托+位服务'),
      ],
      'part-2/': [pageData('/2023/b/9/', '普惠托位建设'), pageData('/2023/b/1/', '托位补贴')],
    };
    const { index } = partedIndex(manifest(['a'], ['b']), pages, fetched);
    const { view, shown } = fakeView({ query: '托位', filters: {} });
    await createSearchController(backendOf(index), view, () => undefined).run();
    expect(shown.urls).toEqual(['/2023/a/7/', '/2023/b/9/', '/2023/b/1/']);
    expect(lastStatus(shown)).toBe('“托位”：找到 3 个页面。');
    expect(shown.more.hidden).toBe(true);
  });
});

describe('search controller: screenfuls', () => {
  /** `n` results, every third of which holds the query's characters with a symbol between (found by Pagefind, not shown). */
  const many = (n: number): PagefindData[] => Array.from({ length: n }, (_, i) => pageData(`/p/${i}/`, i % 3 === 2 ? '托+位服务' : `新增托位${i}个`));

  test('should fetch the text of one batch of results for the first screenful, then say more may follow', async () => {
    const fetched: string[] = [];
    const pages = many(200);
    const { index } = fakeIndex(manifest(['a']), async () => ({ results: pages.map((p) => result(p, fetched)) }));
    const { view, shown } = fakeView({ query: '托位', filters: {} });
    const search = createSearchController(backendOf(index), view, () => undefined);
    await search.run();
    expect(fetched.length).toBe(batch);
    expect(shown.urls.length).toBe(pageSize);
    expect(shown.urls.every((u) => Number(u.split('/')[2]) % 3 !== 2)).toBe(true);
    // 40 checked, 27 hold 托位: 20 shown, 7 waiting.
    expect(lastStatus(shown)).toBe('“托位”：已找到 27 个页面，还有更多可继续显示。');
    expect(shown.more).toEqual({ hidden: false, disabled: false });
    while (!shown.more.hidden) await search.showMore();
    const holding = pages.filter((_, i) => i % 3 !== 2).map((p) => p.url);
    expect(shown.urls).toEqual(holding);
    expect(lastStatus(shown)).toBe(`“托位”：找到 ${holding.length} 个页面。`);
    expect(fetched.length).toBe(pages.length);
  });

  test('should list a search by filters alone a screenful at a time, counting every result', async () => {
    const fetched: string[] = [];
    const pages = many(45);
    const { index, log } = fakeIndex(manifest(['淮北市相山区']), async () => ({ results: pages.map((p) => result(p, fetched)) }));
    const { view, shown } = fakeView({ query: '', filters: { district: '淮北市相山区', type: '事项' } });
    const search = createSearchController(backendOf(index), view, () => undefined);
    await search.run();
    expect(log).toEqual(['search (filters) {"district":"淮北市相山区","type":"事项"}']);
    expect(fetched.length).toBe(pageSize);
    expect(shown.urls.length).toBe(pageSize);
    expect(lastStatus(shown)).toBe('所选条件：找到 45 个页面（筛选：淮北市相山区、事项）。');
    await search.showMore();
    await search.showMore();
    expect(shown.urls).toEqual(pages.map((p) => p.url));
    expect(shown.more.hidden).toBe(true);
  });

  test('should put the search in the address, filters included', async () => {
    const { index } = fakeIndex(manifest(['a']), async () => ({ results: [] }));
    const { view, shown } = fakeView({ query: '养老', filters: { topic: '养老服务' } });
    await createSearchController(backendOf(index), view, () => undefined).run();
    expect(shown.remembered).toEqual([{ query: '养老', filters: { topic: '养老服务' } }]);
  });
});

describe('search controller: status line', () => {
  test('should ask for a query when there is none, and for words when the query is only punctuation', async () => {
    const { index, log } = fakeIndex(manifest(['a']), async () => ({ results: [] }));
    const { view, shown, form } = fakeView({ query: '', filters: {} });
    const search = createSearchController(backendOf(index), view, () => undefined);
    await search.run();
    expect(lastStatus(shown)).toBe(statusText.idle);
    form.query = '，。';
    await search.run();
    expect(lastStatus(shown)).toBe('请输入文字或数字。');
    expect(log).toEqual([]);
  });

  test('should say nothing was found, naming the query and the filters', async () => {
    const { index } = fakeIndex(manifest(['a']), async () => ({ results: [] }));
    const { view, shown } = fakeView({ query: '托位', filters: { district: 'a' } });
    await createSearchController(backendOf(index), view, () => undefined).run();
    expect(shown.statuses).toEqual(['正在搜索…', '没有找到“托位”的结果（筛选：a）。']);
    expect(shown.urls).toEqual([]);
  });

  test('should say the index did not load, and load it again on the next search', async () => {
    const { index } = fakeIndex(manifest(['a']), async () => ({ results: [result(pageData('/x/', '新增托位'), [])] }));
    let attempts = 0;
    const backend: SearchBackend = {
      load: async () => {
        attempts++;
        if (attempts === 1) throw new Error('pagefind/parts.json: HTTP 404');
        return index;
      },
      units: async () => ({}),
      directory: noDirectory,
    };
    const errors: unknown[] = [];
    const { view, shown } = fakeView({ query: '托位', filters: {} });
    const search = createSearchController(backend, view, (e) => errors.push(e));
    await search.run();
    expect(lastStatus(shown)).toBe('搜索索引没有加载成功（本地预览请先运行 npm run build）。');
    expect(String(errors[0])).toContain('parts.json: HTTP 404');
    await search.run();
    expect(lastStatus(shown)).toBe('“托位”：找到 1 个页面。');
    expect(attempts).toBe(2);
  });
});

describe('search controller: the department menu', () => {
  const grouped: UnitMenu = {
    options: [{ value: '' }, { value: '区民政局', group: '甲区' }, { value: '区教育局', group: '甲区' }, { value: '区民政局', group: '乙区' }],
    selected: 1,
  };

  test('should offer only the chosen district’s group, keeping a same-named department chosen', () => {
    expect(narrowMenu(grouped, '乙区', undefined)).toEqual({ district: '乙区', offered: [true, false, false, true], selected: 3, cleared: false });
  });

  test('should give up a chosen department the district does not have', () => {
    expect(narrowMenu({ ...grouped, selected: 2 }, '乙区', undefined)).toEqual({ district: '乙区', offered: [true, false, false, true], selected: 0, cleared: true });
  });

  test('should offer every department again when no district is chosen', () => {
    expect(narrowMenu(grouped, '', undefined).offered).toEqual([true, true, true, true]);
  });

  test('should narrow a list of names (no groups) to the departments the district’s parts name', async () => {
    const { index } = fakeIndex(manifest(['甲区'], ['乙区']), async () => ({ results: [] }));
    const menu = { district: '乙区', options: [{ value: '' }, { value: '区民政局' }, { value: '区教育局' }, { value: '区卫健委' }], selected: 2 };
    const { view, shown } = fakeView({ query: '', filters: {} }, menu);
    const search = createSearchController(
      backendOf(index, { 'part-2/units/0.json': { 区民政局: {}, 区卫健委: { '2023': '/2023/b/units/wei-jian-wei/' } } }),
      view,
      () => undefined,
    );
    expect(await search.narrowUnits()).toBe(true);
    expect(shown.menu).toEqual({ district: '乙区', offered: [true, true, false, true], selected: 0, cleared: true });
  });
});

describe('search controller: department links', () => {
  /** 乙区's departments over two parts (its 2023 and 2022 pages: the second district of part 2, the first of part 3), and 甲区's. */
  const units: Record<string, DistrictUnits> = {
    'part-2/units/0.json': { 区教育局: { '2023': '/2023/a/units/jiao-yu-ju/' } },
    'part-2/units/1.json': { 区教育局: { '2023': '/2023/b/units/jiao-yu-ju/' }, 区民政局: { '2023': '/2023/b/units/min-zheng-ju/' }, 区教育工委: {} },
    'part-3/units/0.json': { 区教育体育局: { '2022': '/2022/b/units/jiao-ti-ju/' } },
  };
  const parts = manifest(['丙区'], ['甲区', '乙区'], ['乙区']);
  /** The department menu: 乙区's group in the menu's order (教育体育局 first). */
  const menu = {
    district: '乙区',
    options: [
      { value: '' },
      { value: '区教育局', group: '甲区' },
      { value: '区教育体育局', group: '乙区' },
      { value: '区教育局', group: '乙区' },
      { value: '区民政局', group: '乙区' },
    ],
    selected: 0,
  };

  test('should link, above a search narrowed to a district, the district’s departments whose names hold the query, in the menu’s order', async () => {
    const { index } = partedIndex(parts, { 'part-2/': [pageData('/2023/b/3/', '教育设施建设', { district: ['乙区'] })] }, []);
    const { view, shown } = fakeView({ query: '教育', filters: { district: '乙区' } }, menu);
    const backend = backendOf(index, units);
    await createSearchController(backend, view, () => undefined).run();
    expect(shown.urls).toEqual(['/2023/b/3/']);
    // 乙区's own files, nothing of 甲区's.
    expect([...backend.unitsAsked].sort()).toEqual(['part-2/units/1.json', 'part-3/units/0.json']);
    expect(shown.unitLinks.at(-1)).toEqual({
      links: [
        { name: '区教育体育局', year: '2022', url: '/2022/b/units/jiao-ti-ju/', label: '区教育体育局' },
        { name: '区教育局', year: '2023', url: '/2023/b/units/jiao-yu-ju/', label: '区教育局' },
      ],
      total: 2,
    });
  });

  test('should link only the chosen year’s pages when a year is chosen too', async () => {
    const { index } = fakeIndex(parts, async () => ({ results: [] }));
    const { view, shown } = fakeView({ query: '教育', filters: { district: '乙区', year: '2023' } }, menu);
    await createSearchController(backendOf(index, units), view, () => undefined).run();
    expect(shown.unitLinks.at(-1)?.links.map((l) => l.url)).toEqual(['/2023/b/units/jiao-yu-ju/']);
  });

  test('should load no department list for a search over everything, and link none', async () => {
    const { index } = fakeIndex(parts, async () => ({ results: [] }));
    const { view, shown } = fakeView({ query: '教育', filters: {} }, { ...menu, district: '' });
    const backend = backendOf(index, units);
    await createSearchController(backend, view, () => undefined).run();
    expect(backend.unitsAsked).toEqual([]);
    expect(shown.unitLinks.every((m) => m.links.length === 0)).toBe(true);
  });

  test('should take the links of an earlier search away when the next one runs', async () => {
    const { index } = fakeIndex(parts, async () => ({ results: [] }));
    const { view, shown, form } = fakeView({ query: '民政', filters: { district: '乙区' } }, menu);
    const search = createSearchController(backendOf(index, units), view, () => undefined);
    await search.run();
    expect(shown.unitLinks.at(-1)?.links.map((l) => l.url)).toEqual(['/2023/b/units/min-zheng-ju/']);
    form.filters = {};
    await search.run();
    expect(shown.unitLinks.at(-1)).toEqual({ links: [], total: 0 });
  });

  test('should never show an older search’s department links over a newer one’s', async () => {
    const slow = deferred<DistrictUnits>();
    const { index } = fakeIndex(parts, async () => ({ results: [] }));
    const { view, shown, form } = fakeView({ query: '民政', filters: { district: '乙区' } }, menu);
    const backend: SearchBackend = {
      load: async () => index,
      units: (path) => (path === 'part-2/units/1.json' ? slow.promise : Promise.resolve(units[path] ?? {})),
      directory: noDirectory,
    };
    const search = createSearchController(backend, view, () => undefined);
    const older = search.run();
    await settle();
    form.filters = {};
    await search.run();
    slow.resolve(units['part-2/units/1.json'] ?? {});
    await older;
    await settle();
    expect(shown.unitLinks.at(-1)).toEqual({ links: [], total: 0 });
  });

  test('should still show the results when the district’s department list does not load', async () => {
    const { index } = partedIndex(parts, { 'part-2/': [pageData('/2023/b/3/', '教育设施建设', { district: ['乙区'] })] }, []);
    const { view, shown } = fakeView({ query: '教育', filters: { district: '乙区' } }, menu);
    const errors: unknown[] = [];
    const backend: SearchBackend = { load: async () => index, units: async (path) => Promise.reject(new Error(`pagefind/${path}: HTTP 404`)), directory: noDirectory };
    await createSearchController(backend, view, (e) => errors.push(e)).run();
    expect(shown.urls).toEqual(['/2023/b/3/']);
    expect(lastStatus(shown)).toBe('“教育”：找到 1 个页面（筛选：乙区）。');
    expect(shown.unitLinks.every((m) => m.links.length === 0)).toBe(true);
    expect(String(errors[0])).toContain('units/1.json: HTTP 404');
  });
});
