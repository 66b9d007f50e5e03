/**
 * From a parsed notice to the Markdown entries of the content collections:
 * one entry for the notice, one per commitment. Bodies are built as mdast
 * and serialized with remark-stringify; frontmatter is YAML in an mdast
 * `yaml` node. Pure: the same record gives the same bytes.
 */
import type { List, ListItem, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import YAML from 'yaml';
import type { Commitment, CommitmentEntry, Notice, NoticeEntry, NoticeMeta, StatusEntry, TopicAssignment, UnitRegistry } from '../schema.ts';
import { CommitmentEntry as CommitmentEntrySchema, NoticeEntry as NoticeEntrySchema } from '../schema.ts';
import { commitmentPath, commitmentPermalink, noticePath, unitsPath } from './paths.ts';

/** A file to write, relative to the content directory. */
export interface OutputFile {
  /** Path relative to the content directory, with `/` separators. */
  path: string;
  /** The file's text. */
  contents: string;
}

/** What one notice brings to the content collections. */
export interface NoticeInput {
  meta: NoticeMeta;
  notice: Notice;
  /** The source text file, relative to the content directory. */
  sourceFile: string;
  /** SHA-256 of the source text, hex. */
  sourceSha256: string;
  /** The topic of each commitment, in the order of `notice.commitments`. */
  topics: readonly TopicAssignment[];
  /** The notice's departments. */
  units: UnitRegistry;
  /** What progress reports say of each commitment (by number), newest first; none for a commitment no report mentions. */
  history?: ReadonlyMap<number, readonly StatusEntry[]>;
}

const processor = unified()
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-', listItemIndent: 'one' })
  .use(remarkFrontmatter, ['yaml']);

/** Returns the Markdown text of an mdast tree with `data` as YAML frontmatter. */
export function toMarkdown(data: object, children: RootContent[]): string {
  const yaml = YAML.stringify(data, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false }).trimEnd();
  const tree: Root = { type: 'root', children: [{ type: 'yaml', value: yaml }, ...children] };
  return processor.stringify(tree);
}

const text = (value: string) => ({ type: 'text' as const, value });
const paragraph = (value: string): RootContent => ({ type: 'paragraph', children: [text(value)] });
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });
const orderedList = (items: readonly string[]): List => ({
  type: 'list',
  ordered: true,
  start: 1,
  spread: false,
  children: items.map((value): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(value)] }] })),
});

/** Returns the frontmatter of a notice's entry. */
function noticeEntry(input: NoticeInput): NoticeEntry {
  const { meta, notice } = input;
  const { commitments, ...rest } = notice;
  return NoticeEntrySchema.parse({
    ...meta,
    ...rest,
    commitmentCount: commitments.length,
    sourceFile: input.sourceFile,
    sourceSha256: input.sourceSha256,
  });
}

/** Returns the frontmatter of a commitment's entry (with its status history when a report mentions it). */
function commitmentEntry(meta: NoticeMeta, commitment: Commitment, topic: TopicAssignment, history: readonly StatusEntry[] = []): CommitmentEntry {
  return CommitmentEntrySchema.parse({
    ...commitment,
    topic,
    year: meta.year,
    district: meta.slug,
    permalink: commitmentPermalink(meta, commitment.number),
    ...(history.length > 0 ? { statusHistory: history } : {}),
  });
}

/** Returns the body of a notice's entry: its passages and a list of its commitments, in source order. */
function noticeBody(input: NoticeInput): RootContent[] {
  const { meta, notice } = input;
  const body: RootContent[] = [heading(1, notice.title)];
  type Piece = { line: number; node: RootContent };
  const pieces: Piece[] = notice.passages
    .filter((p) => p.role !== 'title')
    .map((p) => ({ line: p.source.startLine, node: p.role === 'heading' ? heading(2, p.text) : paragraph(p.text) }));
  for (const c of notice.commitments) {
    pieces.push({
      line: c.source.startLine,
      node: {
        type: 'paragraph',
        children: [
          { type: 'link', url: commitmentPermalink(meta, c.number), children: [text(`${c.number}. ${c.title}`)] },
        ],
      },
    });
  }
  pieces.sort((a, b) => a.line - b.line);
  return [...body, ...pieces.map((p) => p.node)];
}

/** Returns the body of a commitment's entry: its text, sub-items and measures. */
function commitmentBody(c: Commitment): RootContent[] {
  const body: RootContent[] = [paragraph(c.text)];
  if (c.subItems.length > 0) body.push(heading(2, '分项'), orderedList(c.subItems));
  if (c.measures.length > 0) body.push(heading(2, '推进举措'), orderedList(c.measures));
  return body;
}

/** Returns the i-th topic, or fails loudly: topics and commitments must line up. */
function topicAt(topics: readonly TopicAssignment[], i: number): TopicAssignment {
  const topic = topics[i];
  if (!topic) throw new Error(`no topic for commitment #${i + 1}`);
  return topic;
}

/** Returns the YAML text of a notice's departments file. */
function unitsFile(registry: UnitRegistry): string {
  const header =
    '# 本通知涉及的责任单位。由 npm run ingest 生成并维护：已有条目的 slug（网址的一部分）永不改变，\n' +
    '# 新出现的单位名称会追加进来；可以手工修改 name（全称）和 function（职能分组）。\n';
  return header + YAML.stringify(registry, { version: '1.1', lineWidth: 0 });
}

/** Returns every content file one notice gives, sorted by path. */
export function noticeFiles(input: NoticeInput): OutputFile[] {
  const files: OutputFile[] = [
    { path: noticePath(input.meta), contents: toMarkdown(noticeEntry(input), noticeBody(input)) },
    ...input.notice.commitments.map((c, i) => ({
      path: commitmentPath(input.meta, c.number),
      contents: toMarkdown(commitmentEntry(input.meta, c, topicAt(input.topics, i), input.history?.get(c.number)), commitmentBody(c)),
    })),
    { path: unitsPath(input.meta), contents: unitsFile(input.units) },
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
