/**
 * The Markdown entries written by `noticeFiles` / `toMarkdown`, read back the
 * way a Markdown tool reads them: the frontmatter is the record that went in,
 * the body holds the commitment's wording literally.
 */
import { createRequire } from 'node:module';
import type { List, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { NoticeInput, OutputFile } from '../src/lib/content/entries.ts';
import { noticeFiles, toMarkdown } from '../src/lib/content/entries.ts';
import type { Commitment, Notice, NoticeMeta, TopicAssignment, UnitRegistry } from '../src/lib/schema.ts';
import { CommitmentEntry, NoticeEntry, UnitRegistry as UnitRegistrySchema } from '../src/lib/schema.ts';

/** js-yaml (a dependency of Astro) ships no types; only `load` is used. */
const jsYaml = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };

const meta: NoticeMeta = {
  slug: 'jining-yanzhou',
  year: 2023,
  province: '山东省',
  city: '济宁市',
  district: '兖州区',
  districtFull: '济宁市兖州区',
  sourceUrl: null,
  sourceNote: '原始发布网址不详。',
};

/** Commitments whose wording is full of Markdown syntax. */
const commitments: Commitment[] = [
  {
    number: 1,
    title: '# 不是标题',
    text: '# 不是标题：新增托位100个（区教育局负责）',
    leadUnits: ['区教育局'],
    coUnits: [],
    subItems: [],
    measures: [],
    targets: [{ value: 100, unit: '个', text: '新增托位100个' }],
    source: { startLine: 6, endLine: 6 },
  },
  {
    number: 2,
    title: '1. 不是列表',
    text: '1. 不是列表，改造*老旧*小区_3_个，见[a](b)与<b>粗体</b>，代码`x = 1`，还有 **星号** 和 __下划线__ 以及 \\ 反斜杠、![图](c.png)、&amp; 与 1\\. 转义',
    category: '住房保障',
    leadUnits: ['区住房城乡建设局'],
    coUnits: ['区财政局'],
    level: 'city',
    subItems: ['- 第一项：改造*甲*小区', '第二项：改造`乙`小区', '第三项：改造[丙](d)小区'],
    measures: ['1. 摸底调查', '# 制定方案', '组织实施 <i>全程</i> 监督'],
    targets: [{ value: 3, unit: '个', text: '改造老旧小区3个' }],
    source: { startLine: 7, endLine: 9 },
    appendixSource: { startLine: 20, endLine: 24 },
  },
  {
    number: 3,
    title: '2023-01-10',
    text: '> 不是引用 + 不是列表 | 不是表格 | 2023-01-10 起实施',
    leadUnits: ['区民政局'],
    coUnits: [],
    subItems: [],
    measures: [],
    targets: [],
    source: { startLine: 10, endLine: 10 },
  },
];

const notice: Notice = {
  kind: 'notice',
  title: '关于办好2023年民生实事的通知',
  year: 2023,
  issuer: '济宁市兖州区人民政府',
  date: '2023-01-10',
  docNumber: '济兖政发〔2023〕2号',
  declaredTotal: 3,
  groups: [{ number: 1, name: '住房保障', declaredCount: 1, items: [2], source: { startLine: 5, endLine: 5 } }],
  commitments,
  passages: [
    { role: 'title', text: '关于办好2023年民生实事的通知', source: { startLine: 1, endLine: 1 } },
    { role: 'preamble', text: '各街道办事处：', source: { startLine: 3, endLine: 3 } },
    { role: 'heading', text: '一、住房保障（1项）', source: { startLine: 5, endLine: 5 } },
  ],
  warnings: [{ line: 9, message: '第2项的牵头单位写在括号外' }],
};

/** Topics as ingest would assign them, one per commitment (the second one overridden). */
const topics: TopicAssignment[] = [
  { slug: 'childcare-education', how: 'rule', matched: '托位' },
  { slug: 'elderly-care', how: 'override' },
  { slug: 'housing-renewal', how: 'heading', matched: '住房' },
];
const units: UnitRegistry = {
  year: 2023,
  district: 'jining-yanzhou',
  units: [{ slug: 'jiao-yu-ju', name: '区教育局', aliases: ['区教育局'], function: 'education' }],
};

const input: NoticeInput = {
  meta,
  notice,
  sourceFile: 'notices/2023/jining-yanzhou.txt',
  sourceSha256: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  topics,
  units,
};

const files = noticeFiles(input);

const reader = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** A generated file read back: its frontmatter text and value, and its body nodes. */
interface ReadBack {
  yamlText: string;
  data: unknown;
  body: RootContent[];
}

/** Parses a generated Markdown file back into frontmatter and body. */
function readBack(contents: string): ReadBack {
  const tree = reader.parse(contents) as Root;
  const [first, ...body] = tree.children;
  if (first?.type !== 'yaml') throw new Error('the file does not start with YAML frontmatter');
  return { yamlText: first.value, data: parseYaml(first.value) as unknown, body };
}

/** Returns the file at `path` of the generated files. */
function fileAt(path: string): OutputFile {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no generated file ${path}`);
  return file;
}

/** Returns the items of an ordered list as their text. */
function listItems(node: RootContent | undefined): string[] {
  expect(node?.type).toBe('list');
  const list = node as List;
  expect(list.ordered).toBe(true);
  return list.children.map((item) => toString(item));
}

describe('noticeFiles', () => {
  test('should give one notice entry and one entry per commitment at their content paths', () => {
    expect(files.map((f) => f.path).sort()).toEqual([
      'commitments/2023/jining-yanzhou/1.md',
      'commitments/2023/jining-yanzhou/2.md',
      'commitments/2023/jining-yanzhou/3.md',
      'notices/2023/jining-yanzhou.md',
      'notices/2023/jining-yanzhou.units.yaml',
    ]);
  });

  test('should write the departments file as YAML that reads back to the registry', () => {
    const data: unknown = parseYaml(fileAt('notices/2023/jining-yanzhou.units.yaml').contents);
    expect(UnitRegistrySchema.parse(data)).toEqual(units);
  });

  test('should give the same bytes when called twice with the same record', () => {
    expect(noticeFiles(input)).toEqual(files);
  });

  describe('a commitment entry', () => {
    test.each(commitments.map((c) => [c.number, c] as const))('should have frontmatter that validates and equals the record that went in (commitment %i)', (number, commitment) => {
      const { data } = readBack(fileAt(`commitments/2023/jining-yanzhou/${number}.md`).contents);
      const parsed = CommitmentEntry.safeParse(data);
      expect(parsed.success).toBe(true);
      expect(data).toEqual({
        ...commitment,
        topic: topics[number - 1],
        year: 2023,
        district: 'jining-yanzhou',
        permalink: `/2023/jining-yanzhou/${number}/`,
      });
    });

    test.each(commitments.map((c) => [c.number, c] as const))('should have a body whose first paragraph is the commitment text unchanged (commitment %i)', (number, commitment) => {
      const { body } = readBack(fileAt(`commitments/2023/jining-yanzhou/${number}.md`).contents);
      expect(toString({ type: 'root', children: body })).toContain(commitment.text);
      const first = body[0];
      expect(first?.type).toBe('paragraph');
      const paragraph = first as Paragraph;
      expect(toString(paragraph)).toBe(commitment.text);
      // Literal text only: no emphasis, link, inline code or raw HTML made from the wording.
      expect(paragraph.children.map((c) => c.type)).toEqual(paragraph.children.map(() => 'text'));
    });

    test('should have its sub-items and measures as ordered lists in order', () => {
      const { body } = readBack(fileAt('commitments/2023/jining-yanzhou/2.md').contents);
      const lists = body.filter((n) => n.type === 'list');
      expect(lists).toHaveLength(2);
      expect(listItems(lists[0])).toEqual(['- 第一项：改造*甲*小区', '第二项：改造`乙`小区', '第三项：改造[丙](d)小区']);
      expect(listItems(lists[1])).toEqual(['1. 摸底调查', '# 制定方案', '组织实施 <i>全程</i> 监督']);
      for (const list of lists as List[]) {
        for (const item of list.children) {
          expect(item.children).toHaveLength(1);
          expect(item.children[0]?.type).toBe('paragraph');
          const paragraph = item.children[0] as Paragraph;
          expect(paragraph.children.map((c) => c.type)).toEqual(paragraph.children.map(() => 'text'));
        }
      }
    });

    test('should have no list when the commitment has neither sub-items nor measures', () => {
      const { body } = readBack(fileAt('commitments/2023/jining-yanzhou/1.md').contents);
      expect(body.filter((n) => n.type === 'list')).toEqual([]);
    });

    test('should have the permalink /<year>/<slug>/<number>/', () => {
      for (const c of commitments) {
        const { data } = readBack(fileAt(`commitments/2023/jining-yanzhou/${c.number}.md`).contents);
        expect((data as { permalink: unknown }).permalink).toBe(`/2023/jining-yanzhou/${c.number}/`);
      }
    });

    test('should keep a date-like title a string under a YAML 1.1 parser', () => {
      const { yamlText } = readBack(fileAt('commitments/2023/jining-yanzhou/3.md').contents);
      const data = jsYaml.load(yamlText) as { title: unknown };
      expect(data.title).toBe('2023-01-10');
    });
  });

  describe('the notice entry', () => {
    test('should have frontmatter that validates and equals the record that went in', () => {
      const { data } = readBack(fileAt('notices/2023/jining-yanzhou.md').contents);
      const parsed = NoticeEntry.safeParse(data);
      expect(parsed.success).toBe(true);
      const { commitments: _omitted, ...rest } = notice;
      expect(data).toEqual({
        ...meta,
        ...rest,
        commitmentCount: 3,
        sourceFile: 'notices/2023/jining-yanzhou.txt',
        sourceSha256: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      });
    });

    test('should keep the date a string under a YAML 1.1 parser', () => {
      const { yamlText } = readBack(fileAt('notices/2023/jining-yanzhou.md').contents);
      const data = jsYaml.load(yamlText) as { date: unknown; sourceUrl: unknown; year: unknown };
      expect(data.date).toBe('2023-01-10');
      expect(data.sourceUrl).toBeNull();
      expect(data.year).toBe(2023);
    });

    test('should link to every commitment permalink in source order', () => {
      const { body } = readBack(fileAt('notices/2023/jining-yanzhou.md').contents);
      const links: string[] = [];
      const labels: string[] = [];
      const visit = (node: RootContent): void => {
        if (node.type === 'link') {
          links.push(node.url);
          labels.push(toString(node));
        }
        if ('children' in node) for (const child of node.children) visit(child);
      };
      for (const node of body) visit(node);
      expect(links).toEqual(['/2023/jining-yanzhou/1/', '/2023/jining-yanzhou/2/', '/2023/jining-yanzhou/3/']);
      expect(labels).toEqual(['1. # 不是标题', '2. 1. 不是列表', '3. 2023-01-10']);
    });
  });
});

describe('toMarkdown', () => {
  test('should write the data as frontmatter that reads back equal', () => {
    const data = { a: '2023-01-10', b: 'yes', c: '0755', d: 'null', e: '~', f: ['*x*', '# y'], g: { h: 1.5 } };
    const { data: back, yamlText } = readBack(toMarkdown(data, [{ type: 'paragraph', children: [{ type: 'text', value: '正文' }] }]));
    expect(back).toEqual(data);
    expect(jsYaml.load(yamlText)).toEqual(data);
  });
});
