/**
 * The report stage: progress reports (进展情况, 完成情况, 进度公示), pure. A report's text in, its
 * record out (`parseReport`); its items tied to the commitments of the notice they report on
 * (`matchReport`); the status rules and the 状态说明 table (`statusOrder`, `methodology`); the dated
 * status history of a commitment (`sortHistory`, `currentStatus`); and the ingest plan of the reports
 * of a content directory: report entries and the status histories they add (`planReports`).
 */
export { parseReport } from './parse.ts';
export type { Overrides } from './match.ts';
export { matchReport, minScore } from './match.ts';
export { methodology, statusOrder } from './status.ts';
export { currentStatus, sortHistory } from './history.ts';
export type { SourceReport } from './ingest.ts';
export { planReports } from './ingest.ts';
