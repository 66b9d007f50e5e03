import { readFileSync } from 'node:fs';
import { parseNotice } from './src/lib/parse/notice.ts';
const r = parseNotice(readFileSync(process.argv[2]!, 'utf8'));
if (!r.ok) { console.log('ERROR', r.error); process.exit(0); }
const n = r.notice;
console.log(n.title, n.year, 'declared', n.declaredTotal, JSON.stringify(n.reading));
for (const c of n.commitments) console.log(' ', c.number, c.title, '|', c.leadUnits.join(','), '|', c.source.startLine + '-' + c.source.endLine, c.category ?? '');
for (const p of n.passages) console.log('  P', p.role, p.source.startLine, p.text.slice(0, 40));
for (const w of n.warnings) console.log('  W', w.line, w.message);
