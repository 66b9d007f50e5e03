/**
 * The search page's controller: runs the form's search against the index and
 * says what to show, with Pagefind and the page given to it (`SearchIndex`,
 * `SearchView`), so that it runs — and is tested — without a browser. The
 * page's script (`src/lib/search/page.ts`) gives it the real ones.
 *
 * What it keeps right:
 * - a newer search supersedes an older one: whatever an older, slower search
 *   finds later is dropped, never shown over the newer one's results;
 * - each part of the index (`src/lib/search/parts.ts`) is merged once, even
 *   when searches overlap, and only when a search needs it;
 * - a query is searched one part at a time, the newest year's first, among
 *   the parts the filters allow (`partsFor`) that the index's directory says
 *   can hold it (`directory.ts`: a shard or two of it loaded per search, each
 *   once; every part when it has none or it did not load): the next part is merged and
 *   searched only when the results of the parts before are all checked and
 *   the screenful is not full. A search over everything whose first part
 *   fills the first screenful downloads that part alone (each part's page
 *   list is Pagefind's largest download, BENCHMARKS.md); “显示更多” goes on
 *   to the next parts. Results come part after part, each part's in
 *   Pagefind's order, and every page that holds the query is reached;
 * - a search by filters alone merges all its parts first and counts every
 *   result (its results need no check);
 * - the query is searched as exact phrases, one per run (`terms.ts`), and a
 *   page is shown when every phrase finds it; its text is still checked
 *   (symbols, `containsQuery`) a batch at a time, only as far as the next
 *   screenful needs;
 * - the status line says how many pages were found, how many so far while
 *   more may follow, that none were, or that the index did not load;
 * - a search narrowed to one district links, above its results, the district's
 *   departments whose names hold the query (`units.ts`: department pages are
 *   not indexed), from the district's units file its department menu loads; a
 *   search over everything loads nothing for them.
 *
 * No DOM and no network here: only what the two interfaces offer.
 */
import { districtUnitsPath, partFilter, partFilterValue, partsFor } from './parts.ts';
import type { DistrictUnits, PartsManifest } from './parts.ts';
import { partPathsHolding, queryKeys, shardsFor } from './directory.ts';
import type { DirectoryShard } from './directory.ts';
import { containsQuery } from './results.ts';
import { phraseQueries } from './terms.ts';
import { mergeUnits, noUnitMatches, unitMatches, unitsOfYear } from './units.ts';
import type { UnitMatches } from './units.ts';

/** What Pagefind gives of a result page (`result.data()`). */
export interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** One of Pagefind's results: its id, and its page's data, fetched on demand. */
export interface PagefindResult {
  id: string;
  data: () => Promise<PagefindData>;
}

/** The index once loaded: Pagefind's first part, with the manifest of all parts. */
export interface SearchIndex {
  /** `pagefind/parts.json`. */
  manifest: PartsManifest;
  /**
   * Merges a further part (its path relative to `pagefind/`, e.g. `part-2/`) into the search. Every
   * page of a part, the first included, holds the filter `partFilter` with the part's
   * `partFilterValue`, so a search can be kept to one part.
   */
  mergePart: (path: string) => Promise<void>;
  /** Pagefind's search: `phrase` (`"托 位"`, terms.ts) null for a search by filters alone; null when Pagefind dropped the search for a newer one. */
  search: (phrase: string | null, filters: Record<string, string>) => Promise<{ results: PagefindResult[] } | null>;
}

/** Where the controller gets the index from. */
export interface SearchBackend {
  /** Loads Pagefind and the manifest. Asked again after a failure; the controller keeps the first success. */
  load: () => Promise<SearchIndex>;
  /** Loads a district's units file (its path relative to `pagefind/`, `parts.ts`): its departments, and their pages. */
  units: (path: string) => Promise<DistrictUnits>;
  /** Loads a shard of the index's directory (its path relative to `pagefind/`, `directory.ts`). */
  directory: (path: string) => Promise<DirectoryShard>;
}

/** The search form as the visitor left it. */
export interface SearchForm {
  /** The query as typed, trimmed. */
  query: string;
  /** The chosen filter values by filter name; a menu left at 全部 is absent. */
  filters: Record<string, string>;
}

/** An option of the department menu: its value, and the district whose group it is in (when grouped). */
export interface MenuOption {
  value: string;
  group?: string | undefined;
}

/** The department menu as it is: its options (the first, '', is 全部) and which is selected. */
export interface UnitMenu {
  options: readonly MenuOption[];
  /** Index of the selected option. */
  selected: number;
}

/** What the department menu becomes for a district: which options can be chosen, which is selected. */
export interface NarrowedMenu {
  /** The district it is narrowed to ('' for all). */
  district: string;
  /** Per option, whether it is offered (shown and enabled); 全部 always is. */
  offered: boolean[];
  /** Index of the option to select. */
  selected: number;
  /** Whether the chosen department had to be given up (the search then runs again). */
  cleared: boolean;
}

/** What the controller shows through. */
export interface SearchView {
  /** Reads the form. */
  read: () => SearchForm;
  /** Puts the search in the page's address (so a link or the back button brings it back). */
  remember: (form: SearchForm) => void;
  /** Sets the status line. */
  status: (text: string) => void;
  /** Removes every result shown. */
  clear: () => void;
  /** Appends results, the query marked in their excerpts. */
  append: (pages: readonly PagefindData[], query: string) => void;
  /** Shows or hides, enables or disables the “显示更多” button (what is not given stays). */
  more: (state: { hidden?: boolean; disabled?: boolean }) => void;
  /** The department menu and the chosen district, when the page has a department menu. */
  unitMenu: () => (UnitMenu & { district: string }) | undefined;
  /** Applies a narrowed department menu. */
  applyUnitMenu: (menu: NarrowedMenu) => void;
  /** Shows links to the departments whose names hold the query, above the results (none: shows nothing). */
  unitLinks: (matches: UnitMatches) => void;
}

/** Results shown per screenful. */
export const pageSize = 20;

/** Results whose text is checked at a time. */
export const batch = 40;

/** The status line's texts. */
export const statusText = {
  idle: '输入关键词，或选择筛选条件。',
  noTerms: '请输入文字或数字。',
  searching: '正在搜索…',
  indexFailed: '搜索索引没有加载成功（本地预览请先运行 npm run build）。',
  moreFailed: '搜索结果没有加载成功，请再试一次。',
} as const;

/** How a search is described in the status line: the query in quotes, or 所选条件 for filters alone. */
export function searchWhat(query: string): string {
  return query !== '' ? `“${query}”` : '所选条件';
}

/** What the status line adds for the filters: `（筛选：淮北市相山区、养老服务）`, or ''. */
export function searchNarrowed(filters: Record<string, string>): string {
  const values = Object.values(filters);
  return values.length > 0 ? `（筛选：${values.join('、')}）` : '';
}

/**
 * Returns the status line after a screenful: how many pages hold the query (`total`), none, or
 * how many so far while results remain unchecked (`done` false).
 */
export function resultsStatus(what: string, narrowed: string, total: number, done: boolean): string {
  if (total === 0 && done) return `没有找到${what}的结果${narrowed}。`;
  if (done) return `${what}：找到 ${total} 个页面${narrowed}。`;
  return `${what}：已找到 ${total} 个页面${narrowed}，还有更多可继续显示。`;
}

/**
 * Returns the department menu narrowed to a district: grouped options by their group, the others
 * by `allowed` (the district's departments as the index names them; every option when undefined).
 * A chosen department that is no longer offered is kept under the same name when the district
 * offers it, else given up for 全部.
 */
export function narrowMenu(menu: UnitMenu, district: string, allowed: ReadonlySet<string> | undefined): NarrowedMenu {
  const offered = menu.options.map((o) => {
    if (o.value === '') return true;
    if (o.group !== undefined && district !== '') return o.group === district;
    return allowed === undefined || allowed.has(o.value);
  });
  const chosen = menu.options[menu.selected];
  if (chosen === undefined || offered[menu.selected] === true) return { district, offered, selected: menu.selected, cleared: false };
  const same = menu.options.findIndex((o, i) => offered[i] === true && o.value === chosen.value);
  if (same >= 0) return { district, offered, selected: same, cleared: false };
  return { district, offered, selected: menu.options.findIndex((o) => o.value === ''), cleared: true };
}

/**
 * Returns the results every list holds, in the first list's order (a page holds a query of several
 * runs when each run's phrase finds it); null when any search was dropped.
 */
export function commonResults(lists: readonly ({ results: PagefindResult[] } | null)[]): { results: PagefindResult[] } | null {
  if (lists.some((l) => l === null)) return null;
  const [first, ...rest] = lists as { results: PagefindResult[] }[];
  if (!first) return { results: [] };
  const sets = rest.map((l) => new Set(l.results.map((r) => r.id)));
  return { results: first.results.filter((r) => sets.every((s) => s.has(r.id))) };
}

/** The search being shown: its results so far, how far they are checked, the hits waiting to be shown, the parts still to search. */
interface Current {
  mine: number;
  index: SearchIndex;
  query: string;
  /** The query's phrases (`phraseQueries`). */
  phrases: string[];
  filters: Record<string, string>;
  /** A search by filters alone: every result is a hit. */
  exact: boolean;
  what: string;
  narrowed: string;
  /** The results found so far: each part's in Pagefind's order, part after part. */
  results: PagefindResult[];
  /** The parts still to search, in order (none for a search by filters alone: it searches its parts at once). */
  parts: string[];
  /** How many results are checked. */
  next: number;
  /** How many of them hold the query. */
  found: number;
  waiting: PagefindData[];
}

/** The search page's controller (see the module's comment). */
export interface SearchController {
  /** Runs the form's search and shows its first screenful; a newer run supersedes it. */
  run: () => Promise<void>;
  /** Shows the next screenful of the search being shown. */
  showMore: () => Promise<void>;
  /** Narrows the department menu to the chosen district; resolves with whether a chosen department was given up. */
  narrowUnits: () => Promise<boolean>;
}

/** Returns the promise kept under `key`, made by `make` when there is none; one that fails is forgotten, so the next call tries again. */
function kept<T>(promises: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let promise = promises.get(key);
  if (!promise) {
    promise = make();
    promise.catch(() => promises.delete(key));
    promises.set(key, promise);
  }
  return promise;
}

/**
 * Returns the controller of a search page: `backend` gives the index, `view` the form and the
 * places results go; `log` hears of errors (the visitor reads the status line).
 */
export function createSearchController(backend: SearchBackend, view: SearchView, log: (error: unknown) => void = (e) => console.error('search:', e)): SearchController {
  let loading: Promise<SearchIndex> | undefined;
  /** Loads the index once; a failed load is tried again next time. */
  const load = (): Promise<SearchIndex> => {
    loading ??= backend.load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };

  /** The parts merged or being merged (the first is Pagefind's own): each is merged once, even by searches that overlap; again after a failure. */
  const merged = new Map<string, Promise<void>>([['', Promise.resolve()]]);
  /** Merges a part unless it is merged or being merged. */
  const mergePart = (index: SearchIndex, path: string): Promise<void> => kept(merged, path, () => index.mergePart(path));

  /** Each units file, loaded when first needed (again after a failure). */
  const unitFiles = new Map<string, Promise<DistrictUnits>>();
  const unitsOf = (path: string): Promise<DistrictUnits> => kept(unitFiles, path, () => backend.units(path));
  /** A district's departments, from its units file in every part holding it. */
  const unitsIn = async (manifest: PartsManifest, district: string): Promise<DistrictUnits> =>
    mergeUnits(
      await Promise.all(
        manifest.parts.flatMap((p) => {
          const n = p.districts.indexOf(district);
          return n < 0 ? [] : [unitsOf(districtUnitsPath(p.path, n))];
        }),
      ),
    );

  /** Each shard of the directory, loaded when first needed (again after a failure). */
  const shards = new Map<string, Promise<DirectoryShard>>();
  /** Returns the parts (their paths) the directory says can hold the query; undefined when the index has no directory or the query no key. */
  const holding = async (manifest: PartsManifest, query: string): Promise<Set<string> | undefined> => {
    const summary = manifest.directory;
    const keys = queryKeys(query);
    if (summary === undefined || keys.length === 0) return undefined;
    const loaded = await Promise.all(
      shardsFor(keys, summary).map(async (path): Promise<[string, DirectoryShard]> => [path, await kept(shards, path, () => backend.directory(path))]),
    );
    return partPathsHolding(keys, manifest, summary, new Map(loaded));
  };

  let narrowing = 0;
  const narrowUnits = async (): Promise<boolean> => {
    const mine = ++narrowing;
    const menu = view.unitMenu();
    if (!menu) return false;
    let allowed: Set<string> | undefined;
    if (menu.district !== '') {
      try {
        allowed = new Set(Object.keys(await unitsIn((await load()).manifest, menu.district)));
      } catch (error) {
        log(error);
      }
    }
    if (mine !== narrowing) return false;
    // The menu as it is now: the visitor may have chosen another department meanwhile.
    const now = view.unitMenu() ?? menu;
    const narrowed = narrowMenu(now, menu.district, allowed);
    view.applyUnitMenu(narrowed);
    return narrowed.cleared;
  };

  let generation = 0;
  let current: Current | undefined;

  /** Links the chosen district's departments (of the chosen year) whose names hold the query, in the department menu's order; nothing is loaded without a district. */
  const linkUnits = async (mine: number, manifest: PartsManifest, query: string, filters: Record<string, string>): Promise<void> => {
    const { district, year } = filters;
    if (district === undefined || district === '' || phraseQueries(query).length === 0) return;
    try {
      const units = unitsOfYear(await unitsIn(manifest, district), year || undefined);
      if (mine !== generation) return;
      const order = (view.unitMenu()?.options ?? []).filter((o) => o.group === undefined || o.group === district).map((o) => o.value);
      view.unitLinks(unitMatches(units, query, order));
    } catch (error) {
      // The results still show; the department links are left out.
      if (mine === generation) log(error);
    }
  };

  /**
   * Merges the next part the search has not searched and searches it alone (`partFilter`), adding its
   * results to the search's; resolves false when every part is searched, or the search was replaced.
   * A part whose merge or search failed stays next, for the next try.
   */
  const searchNextPart = async (c: Current): Promise<boolean> => {
    const path = c.parts[0];
    if (path === undefined) return false;
    await mergePart(c.index, path);
    if (c.mine !== generation) return false;
    const filters = { ...c.filters, [partFilter]: partFilterValue(path) };
    const found = commonResults(await Promise.all(c.phrases.map((p) => c.index.search(p, filters))));
    if (c.mine !== generation) return false;
    if (found === null) throw new Error(`Pagefind dropped the search of part ${partFilterValue(path)}`);
    c.parts.shift();
    c.results.push(...found.results);
    return true;
  };

  /** Checks further results, searching further parts when they are all checked, until a screenful of hits is waiting or every part is searched and every result checked. */
  const fill = async (c: Current): Promise<void> => {
    while (c.waiting.length < pageSize && c.mine === generation) {
      if (c.next >= c.results.length) {
        if (!(await searchNextPart(c))) return;
        continue;
      }
      const slice = c.results.slice(c.next, c.next + (c.exact ? pageSize : batch));
      const data = await Promise.all(slice.map((r) => r.data()));
      if (c.mine !== generation) return;
      c.next += slice.length;
      const kept = c.exact ? data : data.filter((d) => containsQuery(d.content, c.query));
      c.found += kept.length;
      c.waiting.push(...kept);
    }
  };

  const showMore = async (): Promise<void> => {
    const c = current;
    if (!c) return;
    view.more({ disabled: true });
    try {
      await fill(c);
    } catch (error) {
      // The button stays, to try again from where the search stopped.
      if (c.mine === generation) view.more({ disabled: false });
      throw error;
    }
    if (c.mine !== generation) return;
    view.append(c.waiting.splice(0, pageSize), c.query);
    const done = c.next >= c.results.length && c.parts.length === 0;
    view.status(resultsStatus(c.what, c.narrowed, c.exact ? c.results.length : c.found, done || c.exact));
    view.more({ disabled: false, hidden: c.waiting.length === 0 && done });
  };

  const run = async (): Promise<void> => {
    const mine = ++generation;
    current = undefined;
    const form = view.read();
    const { query, filters } = form;
    view.remember(form);
    view.clear();
    view.unitLinks(noUnitMatches);
    view.more({ hidden: true });
    const phrases = phraseQueries(query);
    if (phrases.length === 0 && Object.keys(filters).length === 0) {
      view.status(query === '' ? statusText.idle : statusText.noTerms);
      return;
    }
    view.status(statusText.searching);
    try {
      const index = await load();
      const linking = linkUnits(mine, index.manifest, query, filters);
      const exact = phrases.length === 0;
      let parts = partsFor(index.manifest, filters);
      if (!exact) {
        try {
          const held = await holding(index.manifest, query);
          if (mine !== generation) return;
          if (held !== undefined) parts = parts.filter((path) => held.has(path));
        } catch (error) {
          // Every part is searched, as without a directory.
          if (mine !== generation) return;
          log(error);
        }
      }
      let results: PagefindResult[] = [];
      if (exact) {
        // By filters alone: every part at once, for the count of every result.
        for (const path of parts) await mergePart(index, path);
        if (mine !== generation) return;
        const found = await index.search(null, filters);
        if (mine !== generation || found === null) return;
        results = found.results;
      }
      current = {
        mine,
        index,
        query,
        phrases,
        filters,
        exact,
        what: searchWhat(query),
        narrowed: searchNarrowed(filters),
        results,
        parts: exact ? [] : parts,
        next: 0,
        found: 0,
        waiting: [],
      };
      await showMore();
      await linking;
    } catch (error) {
      if (mine !== generation) return;
      log(error);
      view.status(statusText.indexFailed);
    }
  };

  return { run, showMore, narrowUnits };
}
