/**
 * `npm run add -- <file> [--year Y] [--slug S] [--province P] [--city C]
 * [--district D] [--district-full F] [--source-url URL]`: adds a notice
 * from the file the government published (text, HTML, Word, PDF). Writes
 * `content/notices/<year>/<slug>.txt` (the converted text), `<slug>.yaml`
 * (a metadata skeleton marked for review) and `<slug>.orig.<ext>` (the file
 * as published), then prints a short review. Refuses a slug that exists or is
 * not a valid URL part; writes nothing when anything fails (every file goes
 * to a temporary name first, and is renamed into place only when all are
 * written).
 * Exit codes: 0 added, 1 refused or unreadable, 2 usage.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import YAML from 'yaml';
import { contentDir } from '../src/lib/config.ts';
import { originalExtension } from '../src/lib/convert/index.ts';
import { metaSkeleton, noticeMetaPath, noticeTextPath, originalFileName, originalPath, placeSlug, readPlace, reviewLines, sha256 } from '../src/lib/content/index.ts';
import { NoticeMeta, type OriginalFile } from '../src/lib/schema.ts';
import { fail } from './cli.ts';
import { commandLine } from './lib/args.ts';
import { loadSource } from './source-file.ts';

const usage = 'usage: npm run add -- <file> [--year Y] [--slug S] [--province P] [--city C] [--district D] [--district-full F] [--source-url URL]';

const { values, positionals } = commandLine({
  usage,
  options: {
    year: { type: 'string' },
    slug: { type: 'string' },
    province: { type: 'string' },
    city: { type: 'string' },
    district: { type: 'string' },
    'district-full': { type: 'string' },
    'source-url': { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
});
const file = positionals[0] ?? '';

const loaded = await loadSource(file, values.year !== undefined && /^\d{4}$/u.test(values.year) ? { year: Number(values.year) } : {});
if (!loaded.ok) fail(loaded.message);
const { bytes, format, text, notice } = loaded.source;

const year = values.year !== undefined ? Number(values.year) : notice.year;
if (year === undefined || !NoticeMeta.shape.year.safeParse(year).success) {
  fail(`${file}: error: ${values.year !== undefined ? `--year ${values.year} is not a year` : 'the text does not say its year: pass --year'}`, 2);
}
const place = readPlace(notice);
const given = { province: values.province, city: values.city, district: values.district, districtFull: values['district-full'] };
const slug = values.slug ?? placeSlug({ ...place, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) });
if (slug === undefined) fail(`${file}: error: the text does not say which district it is from: pass --slug (e.g. --slug huaibei-xiangshan)`, 2);
const slugCheck = NoticeMeta.shape.slug.safeParse(slug);
if (!slugCheck.success) fail(`${file}: error: --slug ${JSON.stringify(slug)} is not a valid URL part (${slugCheck.error.issues[0]?.message ?? 'invalid'})`);
const sourceUrl = values['source-url'];
if (sourceUrl !== undefined && !/^https?:\/\/[^\s/]+/iu.test(sourceUrl)) fail(`${file}: error: --source-url must be an http:// or https:// address`);

const root = contentDir();
const placed = { year, slug };
const textPath = noticeTextPath(placed);
const metaPath = noticeMetaPath(placed);
// A file that is already the canonical text (UTF-8 text, \n line ends) needs no original beside it.
const keepOriginal = !(format === 'text' && Buffer.from(text, 'utf8').equals(Buffer.from(bytes)));
const original: OriginalFile | undefined = keepOriginal ? { file: originalFileName(slug, originalExtension(format, file)), format, sha256: sha256(bytes) } : undefined;
const origPath = original ? originalPath(placed, original.file) : undefined;

for (const path of [textPath, metaPath, origPath]) {
  if (path && existsSync(join(root, path))) fail(`${file}: error: the slug “${slug}” is taken in ${year}: ${path} exists (choose another with --slug)`);
}

const meta = metaSkeleton({ year, slug, ...given, sourceUrl }, place, notice, original);
const metaCheck = NoticeMeta.safeParse(YAML.parse(meta));
const marked = [
  ...(values.slug === undefined ? [`slug（由地名拼音生成：${slug}，发布后不能再改）`] : []),
  ...meta.split('\n').flatMap((l) => (/# 待(核对|填写)/u.test(l) ? [l.split(':')[0] ?? ''] : [])),
];
if (!metaCheck.success && marked.length === 0) {
  fail(`${file}: error: the metadata would not be valid: ${metaCheck.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}

const writes: Array<[string, Uint8Array | string]> = [
  [textPath, text],
  [metaPath, meta],
];
if (origPath) writes.push([origPath, bytes]);
const temps: string[] = [];
const placedFiles: string[] = [];
try {
  for (const [path, contents] of writes) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    const temp = `${target}.add-${process.pid}.tmp`;
    writeFileSync(temp, contents, { flag: 'wx' });
    temps.push(temp);
  }
  writes.forEach(([path], i) => {
    const temp = temps[i] ?? '';
    renameSync(temp, join(root, path));
    placedFiles.push(join(root, path));
  });
} catch (error) {
  for (const f of [...temps, ...placedFiles]) rmSync(f, { force: true });
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  fail(`${file}: error: could not write the notice into ${root} (${code}); nothing was added`);
}

if (notice.year !== undefined && notice.year !== year) marked.unshift(`year（正文写的是 ${notice.year} 年，--year 为 ${year}）`);
process.stdout.write(`${reviewLines(notice, { text: textPath, meta: metaPath, original: origPath }, format, marked).join('\n')}\n`);
