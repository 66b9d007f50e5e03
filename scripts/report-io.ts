/**
 * The I/O edge for reports on the command line: reading a report file (and
 * the reviewed overrides of the `.yaml` beside it), matching it against a
 * notice file, and printing the record. Failures are one line naming the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { matchReport, parseReport, type Overrides } from '../src/lib/report/index.ts';
import { ReportMeta, type Report } from '../src/lib/schema.ts';
import { readYaml } from '../src/lib/yaml.ts';
import { fail, where } from './cli.ts';
import { readSourceFile } from './source-file.ts';

/** Returns the reviewed overrides of the metadata file beside a report (`x.txt` → `x.yaml`), if there is one. */
export function readOverrides(file: string): Overrides {
  const meta = file.replace(/\.[^./]+$/u, '') + '.yaml';
  if (meta === file || !existsSync(meta)) return {};
  const read = readYaml(readFileSync(meta, 'utf8'));
  if (!read.ok) fail(`${meta}: error: not valid YAML`);
  const parsed = ReportMeta.pick({ overrides: true }).safeParse(read.value);
  if (!parsed.success) fail(`${meta}: error: overrides: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data.overrides ?? {};
}

/**
 * Returns the report record of `text` (read from `file`); with `against`, its
 * items tied to that notice's commitments and the matching warnings added.
 */
export async function reportRecord(file: string, text: string, against: string | undefined): Promise<Report> {
  const parsed = parseReport(text);
  if (!parsed.ok) fail(`${where(file, parsed.error.line)}: error: ${parsed.error.message}`);
  if (against === undefined) return parsed.report;
  const notice = await readSourceFile(against);
  const matched = matchReport(parsed.report, notice, readOverrides(file));
  return {
    ...parsed.report,
    items: matched.items,
    warnings: [...parsed.report.warnings, ...matched.warnings].sort((a, b) => a.line - b.line),
  };
}
