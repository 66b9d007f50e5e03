import { readFileSync } from 'node:fs';
import { parseNotice } from './src/lib/parse/notice.ts';
const r = parseNotice(readFileSync(process.argv[2]!, 'utf8'));
if (r.ok) for (const c of r.notice.commitments) console.log(c.number, JSON.stringify({t: c.text, l: c.leadUnits, co: c.coUnits, s: c.subItems, su: c.subItemUnits}));
if (r.ok) console.log(r.notice.warnings, r.notice.passages.filter(p=>p.role==='heading'));
