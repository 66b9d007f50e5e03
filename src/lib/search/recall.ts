/**
 * Measuring search recall: which commitment pages a query must find (a plain
 * substring scan of the commitments' text), what share of them the search
 * found, and the table that reports it.
 *
 * Pure: no I/O.
 */

/** What residents type: two- to four-character words about everyday services. */
export const residentQueries: readonly string[] = [
  '托位',
  '养老',
  '老旧小区',
  '停车',
  '就业',
  '医保',
  '公园',
  '残疾人',
  '菜市场',
  '托育',
  '健身',
  '供水',
  '幼儿园',
  '助餐',
  '食堂',
  '心理',
  '康复',
  '电梯',
  '充电桩',
  '学位',
];

/**
 * Strings of the commitments that Pagefind 1.6's own Chinese segmentation does not find (measured with
 * `--plain`): the browser splits them into single characters that no indexed word starts with.
 */
export const segmentationTraps: readonly string[] = ['育局', '方米', '内障', '决不能'];

/** The parts of a commitment a recall check needs. */
export interface Searchable {
  text: string;
  permalink: string;
}

/** Returns the permalinks of the commitments whose text contains `query`, sorted. */
export function expectedPages(commitments: readonly Searchable[], query: string): string[] {
  return commitments
    .filter((c) => c.text.includes(query))
    .map((c) => c.permalink)
    .sort();
}

/** One query's figures. */
export interface RecallRow {
  query: string;
  /** Commitment pages whose text contains the query. */
  expected: number;
  /** How many of those the search returned. */
  found: number;
  /** The expected pages it did not return. */
  missed: string[];
  /** All results (commitment and district pages). */
  results: number;
  /** Results whose page text contains the query (undefined when not checked). */
  exact?: number;
  /** The index's directory (`directory.ts`), when it has one: the parts it names for the query, of how many, and the parts holding an exact result it left out. */
  parts?: PartsNamed;
}

/** What the directory named for a query. */
export interface PartsNamed {
  named: number;
  of: number;
  /** Parts (their paths) holding a result whose text contains the query that the directory did not name: none, or the directory is wrong. */
  missed: string[];
}

/** Returns what the directory named (`named`, parts' paths) against the parts holding a result whose text contains the query (`needed`), of `of` parts. */
export function partsNamed(named: ReadonlySet<string>, needed: Iterable<string>, of: number): PartsNamed {
  return { named: named.size, of, missed: [...new Set(needed)].filter((p) => !named.has(p)).sort() };
}

/** Compares what a search returned (`urls`, under `base`) with what it had to return. */
export function recallRow(query: string, expected: readonly string[], urls: readonly string[], base = '/'): RecallRow {
  const prefix = base.replace(/\/+$/u, '');
  const got = new Set(urls.map((u) => (prefix !== '' && u.startsWith(prefix) ? u.slice(prefix.length) : u)));
  const missed = expected.filter((p) => !got.has(p));
  return { query, expected: expected.length, found: expected.length - missed.length, missed, results: urls.length };
}

/** Returns found / expected as a percentage with one decimal (100.0% when nothing was expected). */
export function percent(found: number, expected: number): string {
  return `${(expected === 0 ? 100 : (100 * found) / expected).toFixed(1)}%`;
}

/** Returns the rows' totals: queries, expected pages, found pages, and queries with every page found. */
export function totals(rows: readonly RecallRow[]): { queries: number; expected: number; found: number; complete: number } {
  return {
    queries: rows.length,
    expected: rows.reduce((n, r) => n + r.expected, 0),
    found: rows.reduce((n, r) => n + r.found, 0),
    complete: rows.filter((r) => r.found === r.expected).length,
  };
}

/** Pads to a display width, counting a CJK character as two columns. */
function pad(text: string, width: number, right = false): string {
  const w = [...text].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);
  const fill = ' '.repeat(Math.max(0, width - w));
  return right ? fill + text : text + fill;
}

/** Returns the recall table: query, expected, found, recall, results, exact and the parts the directory named (when there is one); then the totals. */
export function recallTable(rows: readonly RecallRow[]): string {
  const directory = rows.some((r) => r.parts !== undefined);
  const lines = [
    `${pad('query', 12)}${pad('expected', 10, true)}${pad('found', 8, true)}${pad('recall', 9, true)}${pad('results', 9, true)}${pad('exact', 7, true)}${directory ? pad('parts', 8, true) : ''}`,
  ];
  for (const r of rows) {
    lines.push(
      `${pad(r.query, 12)}${pad(String(r.expected), 10, true)}${pad(String(r.found), 8, true)}${pad(percent(r.found, r.expected), 9, true)}` +
        `${pad(String(r.results), 9, true)}${pad(r.exact === undefined ? '' : String(r.exact), 7, true)}` +
        (directory ? pad(r.parts === undefined ? '' : `${r.parts.named}/${r.parts.of}`, 8, true) : ''),
    );
  }
  const t = totals(rows);
  lines.push(`${pad(`total (${t.queries})`, 12)}${pad(String(t.expected), 10, true)}${pad(String(t.found), 8, true)}${pad(percent(t.found, t.expected), 9, true)}`);
  lines.push(`${t.complete} of ${t.queries} queries found every commitment whose text contains them.`);
  lines.push('expected: commitments whose text contains the query; found: of those, returned; results: all pages returned;');
  lines.push('exact: returned pages whose indexed text contains the query (the search page shows only these).');
  if (directory) {
    const whole = rows.filter((r) => r.parts !== undefined && r.parts.missed.length === 0).length;
    lines.push(`parts: the parts the index's directory names for the query, of all; it named every part holding an exact result for ${whole} of ${rows.length} queries.`);
  }
  return lines.join('\n');
}

/** Returns every distinct run of `length` Chinese characters in the texts, sorted (for an exhaustive check). */
export function hanSubstrings(texts: readonly string[], length: number): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
      const chars = [...run];
      for (let i = 0; i + length <= chars.length; i++) found.add(chars.slice(i, i + length).join(''));
    }
  }
  return [...found].sort();
}
