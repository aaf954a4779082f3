// Hand-built reports and a fake WorkbookHost for the task pane tests. The figures are those of the Shanghai form
// (shared/seed/form-2021-shanghai.txt) as the core reports them: decimal strings, never computed here.
import type { FormReport, Report } from '../../src/core';
import type { HostCapabilities, RestoreResult, WorkbookHost } from '../../src/app/host';
import type { ScoreOutcome } from '../../src/app/score-flow';

export function shanghaiForm(): FormReport {
  return {
    sheet: 'Sheet1',
    range: 'A1:I30',
    year: '2021',
    project: '计生特殊家庭帮扶及权益维护',
    department: '上海市卫生健康委员会',
    implementer: '上海市计划生育协会',
    unit: '元',
    funds: {
      initialBudget: '1100000.00',
      annualBudget: '991403.00',
      executed: '965043.97',
      weight: '10',
      rate: { computed: '97.34', printed: '97.35', cell: 'H6' },
      score: { computed: '9.73', printed: '9.73', cell: 'I6' },
      breakdown: [],
    },
    indicators: [],
    total: { weight: '100', computed: '99.73', printed: '99.43', cell: 'H21' },
    grade: { computed: '优', printed: null },
    findings: [
      {
        code: 'RATE_MISMATCH',
        severity: 'info',
        cell: 'H6',
        expected: '97.34',
        found: '97.35',
        message: '执行率应为 97.34%（965043.97 ÷ 991403.00），表中为 97.35%',
        messageEn: 'The execution rate should be 97.34% (965043.97 ÷ 991403.00); the form shows 97.35%',
      },
      {
        code: 'SCORE_MISMATCH',
        severity: 'error',
        cell: 'H13',
        expected: '20.00',
        found: '19.70',
        message: '得分应为 20.00，表中为 19.70',
        messageEn: 'The score should be 20.00; the form shows 19.70',
      },
      {
        code: 'REASON_MISSING',
        severity: 'warning',
        cell: 'I14',
        message: '未完成指标值，须填写偏差原因',
        messageEn: 'The target was missed: a reason is required',
      },
      {
        code: 'TOTAL_MISMATCH',
        severity: 'error',
        cell: 'H21',
        expected: '99.73',
        found: '99.43',
        message: '总分应为 99.73，表中为 99.43',
        messageEn: 'The total should be 99.73; the form shows 99.43',
      },
      {
        code: 'FIELD_MISSING',
        severity: 'warning',
        cell: null,
        message: '未填写绩效目标实际完成情况',
        messageEn: 'The actual results of the goals are not filled in',
      },
    ],
  };
}

export function report(forms: FormReport[] = [shanghaiForm()], errors: Report['errors'] = []): Report {
  return {
    schema: 'selfeval-report/1',
    source: '2021-计生特殊家庭.xlsx',
    rulebook: 'mof-2020',
    forms,
    errors,
  };
}

export function outcome(r: Report = report()): ScoreOutcome {
  return {
    report: r,
    plan: { mode: 'check', edits: [] },
    applied: { cellsMarked: 4, valuesWritten: 0, explanation: 'note', tableSheets: [], cleared: null },
  };
}

export interface FakeHost extends WorkbookHost {
  settings: Map<string, string>;
  select: jest.Mock<Promise<void>, [string, string]>;
  setSetting: jest.Mock<Promise<void>, [string, string]>;
  restore: jest.Mock<Promise<RestoreResult>, []>;
}

export function fakeHost(
  opts: { caps?: Partial<HostCapabilities>; settings?: Record<string, string> } = {},
): FakeHost {
  const settings = new Map(Object.entries(opts.settings ?? {}));
  const unused = (): Promise<never> => Promise.reject(new Error('not used by the pane tests'));
  return {
    settings,
    capabilities: () => ({ excelApi: '1.8', explanation: 'note', mergedAreas: false, ...opts.caps }),
    read: unused,
    apply: unused,
    restore: jest.fn<Promise<RestoreResult>, []>(async () => ({ restored: 5, kept: 1 })),
    hasMarks: async () => true,
    select: jest.fn<Promise<void>, [string, string]>(async () => undefined),
    getSetting: (key) => settings.get(key) ?? null,
    setSetting: jest.fn(async (key: string, value: string) => {
      settings.set(key, value);
    }),
  };
}

/** A promise whose settling the test controls. */
export function deferred<T>(): {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
} {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
