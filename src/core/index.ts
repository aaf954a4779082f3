// The pure core: grids in, a report and write plans out. No Office, DOM or Node import anywhere under src/core.
export * from './a1';
export * from './grid';
export * from './report';
export * from './plan-types';
export * from './rulebook';
export { scoreSheets } from './score-sheets';
export type { ScoreOptions } from './score-sheets';
export { planWrites, PALETTE } from './plan';
export { reviewTable, summaryTable, REVIEW_SHEET_NAME, SUMMARY_SHEET_NAME } from './tables';
export type { Lang } from './messages';
