import { readFileSync } from 'node:fs';
import { parseReport } from '../src/lib/report/parse.ts';
import { parseNotice } from '../src/lib/parse/notice.ts';
import { matchReport } from '../src/lib/report/match.ts';
const dir = process.argv[2]!;
const r = parseReport(readFileSync(`${dir}/report.txt`, 'utf8'));
if (!r.ok) { console.log(r.error); process.exit(1); }
const n = parseNotice(readFileSync(`${dir}/notice.txt`, 'utf8'));
if (!n.ok) throw new Error('notice');
const m = matchReport(r.report, n.notice, process.argv[3] ? JSON.parse(process.argv[3]) : {});
const { items, ...rest } = r.report;
console.log(JSON.stringify({ ...rest, passages: rest.passages.map(p => `${p.source.startLine}-${p.source.endLine} ${p.text}`) }, null, 0));
for (const i of m.items) console.log(i.source.startLine, i.number ?? '-', i.status, JSON.stringify(i.statusWords), '->', i.commitment, JSON.stringify(i.match ?? null), i.actuals.map(a => `${a.value}${a.unit}`).join(','), i.completionRate ?? '', i.text.slice(0, 30));
console.log('W', JSON.stringify([...r.report.warnings, ...m.warnings]));
