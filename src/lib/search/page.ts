/**
 * The search page's script, its browser edge: loads the site's own Pagefind
 * (`pagefind/pagefind.js`, on the first search) and its parts, reads the
 * form, renders results, and wires the form's events to the controller
 * (`src/lib/search/controller.ts`), which holds the logic. Bundled by Astro
 * for `src/pages/search.astro` only; nothing is requested from another origin.
 */
import { createSearchController, statusText } from './controller.ts';
import type { NarrowedMenu, PagefindData, PagefindResult, SearchBackend, SearchForm, SearchView, UnitMenu } from './controller.ts';
import { partFilter, partFilterValue, partsFile } from './parts.ts';
import type { DistrictUnits, PartsManifest } from './parts.ts';
import type { DirectoryShard } from './directory.ts';
import { excerptAround } from './results.ts';
import { indexText } from './terms.ts';

/** The part of Pagefind's module the page uses. */
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  mergeIndex: (url: string, o: Record<string, unknown>) => Promise<void>;
  search: (phrase: string | null, o: { filters: Record<string, string> }) => Promise<{ results: PagefindResult[] } | null>;
}

/** Fetches a JSON file of the index; an HTTP error rejects, naming the file. */
async function fetchJson<T>(url: URL, name: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
  return (await r.json()) as T;
}

/** Returns the index as served under `root` (the site's root as the browser sees it). */
export function pagefindBackend(root: URL): SearchBackend {
  return {
    async load() {
      const [module, manifest] = await Promise.all([
        import(/* @vite-ignore */ new URL('pagefind/pagefind.js', root).href) as Promise<Pagefind>,
        fetchJson<PartsManifest>(new URL(`pagefind/${partsFile}`, root), `pagefind/${partsFile}`),
      ]);
      // Result URLs are written with the base path already (scripts/search-index.ts). Each part's pages
      // hold the part's own filter, so that a search can be kept to one part (controller.ts).
      await module.options({ baseUrl: '/', mergeFilter: { [partFilter]: partFilterValue('') } });
      return {
        manifest,
        mergePart: (path) => module.mergeIndex(new URL(`pagefind/${path}`, root).href, { baseUrl: '/', mergeFilter: { [partFilter]: partFilterValue(path) } }),
        search: (phrase, filters) => module.search(phrase, { filters }),
      };
    },
    units: (path) => fetchJson<DistrictUnits>(new URL(`pagefind/${path}`, root), `pagefind/${path}`),
    directory: (path) => fetchJson<DirectoryShard>(new URL(`pagefind/${path}`, root), `pagefind/${path}`),
  };
}

/** Renders one result: title link, where it is from, and an excerpt with the query marked. */
function renderResult(doc: Document, data: PagefindData, query: string, served: (url: string) => string): HTMLLIElement {
  const li = doc.createElement('li');
  li.className = 'item';
  const h = doc.createElement('h2');
  const a = doc.createElement('a');
  a.href = served(data.url);
  a.textContent = data.meta.title ?? data.url;
  h.append(a);
  const where = doc.createElement('p');
  where.className = 'meta';
  where.textContent = [
    data.filters.type?.[0],
    data.filters.year?.[0] && `${data.filters.year[0]}年`,
    data.filters.district?.[0],
    data.filters.topic?.length === 1 ? data.filters.topic[0] : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const p = doc.createElement('p');
  p.className = 'excerpt';
  for (const run of excerptAround(indexText(data.content), query)) {
    if (run.mark) {
      const mark = doc.createElement('mark');
      mark.textContent = run.text;
      p.append(mark);
    } else p.append(run.text);
  }
  li.append(h, where, p);
  return li;
}

/** Starts the search page in `doc`: `base` is the build's base path (`import.meta.env.BASE_URL`). */
export function startSearchPage(doc: Document, base: string): void {
  const location = doc.defaultView?.location;
  const history = doc.defaultView?.history;
  if (!location) return;
  /**
   * The site's root as it is served: the header's home link points at it — absolute in a build,
   * relative in a snapshot served under any prefix (e.g. /archive/2023/).
   */
  const root = new URL(doc.querySelector('a.brand')?.getAttribute('href') ?? base, location.href);
  /** Returns a result URL (written under the build's base path) under the root as served. */
  const served = (url: string): string => (url.startsWith(base) ? new URL(url.slice(base.length), root).pathname : url);
  const form = doc.querySelector<HTMLFormElement>('[data-search-form]');
  const status = doc.querySelector<HTMLElement>('[data-search-status]');
  const list = doc.querySelector<HTMLOListElement>('[data-search-results]');
  const unitLinks = doc.querySelector<HTMLElement>('[data-search-units]');
  const more = doc.querySelector<HTMLButtonElement>('[data-search-more]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const selects = [...(form?.querySelectorAll<HTMLSelectElement>('select[data-filter]') ?? [])];
  const districtMenu = selects.find((s) => s.name === 'district');
  const unitMenu = selects.find((s) => s.name === 'unit');
  /** The district whose group an option is in, when the menu is grouped by district. */
  const groupOf = (option: HTMLOptionElement): string | undefined => (option.parentElement instanceof HTMLOptGroupElement ? option.parentElement.dataset.district : undefined);

  const view: SearchView = {
    read(): SearchForm {
      const filters: Record<string, string> = {};
      for (const s of selects) if (s.value !== '') filters[s.name] = s.value;
      return { query: input?.value.trim() ?? '', filters };
    },
    remember({ query, filters }) {
      const url = new URL(location.href);
      url.search = new URLSearchParams({ ...(query !== '' ? { q: query } : {}), ...filters }).toString();
      history?.replaceState(null, '', url);
    },
    status(text) {
      if (status) status.textContent = text;
    },
    clear() {
      list?.replaceChildren();
    },
    append(pages, query) {
      list?.append(...pages.map((d) => renderResult(doc, d, query, served)));
    },
    more(state) {
      if (!more) return;
      if (state.disabled !== undefined) more.disabled = state.disabled;
      if (state.hidden !== undefined) more.hidden = state.hidden;
    },
    unitMenu(): (UnitMenu & { district: string }) | undefined {
      if (!unitMenu) return undefined;
      return { district: districtMenu?.value ?? '', options: [...unitMenu.options].map((o) => ({ value: o.value, group: groupOf(o) })), selected: unitMenu.selectedIndex };
    },
    applyUnitMenu(menu: NarrowedMenu) {
      if (!unitMenu) return;
      // Which district the menu now shows (read by the browser tests).
      unitMenu.dataset.district = menu.district;
      [...unitMenu.options].forEach((option, i) => {
        if (option.value === '') return;
        option.hidden = menu.offered[i] !== true;
        option.disabled = menu.offered[i] !== true;
      });
      for (const group of unitMenu.querySelectorAll('optgroup')) group.hidden = menu.district !== '' && group.dataset.district !== menu.district;
      if (menu.selected !== unitMenu.selectedIndex) unitMenu.selectedIndex = menu.selected;
    },
    unitLinks({ links, total }) {
      if (!unitLinks) return;
      unitLinks.replaceChildren();
      unitLinks.hidden = links.length === 0;
      if (links.length === 0) return;
      unitLinks.append('相关部门：');
      links.forEach((link, i) => {
        const a = doc.createElement('a');
        a.href = served(link.url);
        a.textContent = link.label;
        unitLinks.append(...(i > 0 ? ['、', a] : [a]));
      });
      // More departments than links: the menu lists them all.
      if (total > new Set(links.map((l) => l.name)).size) unitLinks.append(`等 ${total} 个（可在“部门”筛选中选择）`);
      unitLinks.append('。');
    },
  };
  const search = createSearchController(pagefindBackend(root), view);
  if (!form || !input) return;

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const s of selects) s.value = params.get(s.name) ?? '';
  if (districtMenu && districtMenu.value !== '') void search.narrowUnits().then((cleared) => (cleared ? search.run() : undefined));
  if (selects.some((s) => s.value !== '')) form.querySelector<HTMLDetailsElement>('[data-filters]')?.setAttribute('open', '');

  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search.run();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search.run(), 250);
  });
  for (const s of selects)
    s.addEventListener('change', () => {
      if (s === districtMenu) void search.narrowUnits().then((cleared) => (cleared ? search.run() : undefined));
      // A department chosen from a district's group narrows to that district too.
      const chosen = s === unitMenu ? s.selectedOptions[0] : undefined;
      const group = chosen ? groupOf(chosen) : undefined;
      if (group !== undefined && districtMenu && districtMenu.value !== group) {
        districtMenu.value = group;
        void search.narrowUnits();
      }
      void search.run();
    });
  more?.addEventListener(
    'click',
    () =>
      void search.showMore().catch((error: unknown) => {
        console.error('search:', error);
        view.status(statusText.moreFailed);
      }),
  );
  if (input.value !== '' || selects.some((s) => s.value !== '')) void search.run();
  else input.focus();
}
