// The rulebook: every weight, threshold, rounding rule and formula choice of the scoring rules, as data.
// Rule ids (R5, C8, Q1, L2) are those of docs/scoring-rules.md.
import * as v from 'valibot';

/** Named rounding rules (decimal.js modes). */
export type RoundingRule = 'half-up' | 'up' | 'down' | 'half-even';
export const ROUNDING_RULES: readonly RoundingRule[] = ['half-up', 'up', 'down', 'half-even'];

export interface QualitativeBand {
  /** The grade as 10号 names it: 达成 / 部分达成 / 未达成. */
  grade: string;
  /** Share of 分值, "0.8" = 80%. */
  min: string;
  max: string;
  /** Whether a score equal to max·分值 is still inside the band (80–100% 含 both ends; 60–80% excludes 80%). */
  maxInclusive: boolean;
  /** Values that put a row in this band, after normalisation (no spaces, half-width). Matched exactly first,
   *  then as a contained word, from the lowest band up, so 未达成 wins over 达成. */
  words: string[];
}

export interface Rulebook {
  id: string;
  name: string;
  description: string;
  /** R1: default weights of the execution rate and the three level-1 indicators; their sum is the total. */
  weights: { executionRate: string; output: string; benefit: string; satisfaction: string; total: string };
  executionRate: {
    /** R2: 全年预算数 (adjusted budget) by default; 年初预算数 only for a local variant. */
    denominator: 'annualBudget' | 'initialBudget';
    /** R4 / Q4: the score uses min(rate, cap); "1" = 100%. null for no cap. */
    cap: string | null;
    /** R3: score = 分值 × min(rate, cap), rounded to `scoring.decimals`. */
    /** R14 / C1 / Q5: how the computed rate is shown (percent decimals and rounding). */
    displayDecimals: number;
    displayRounding: RoundingRule;
    /** C1: a printed rate within this many percentage points of the exact rate is only "info". */
    tolerancePoints: string;
    /** C10 (Sichuan, R13): a rate below this percentage needs a reason (Sichuan); null to switch off. */
    reasonBelowPercent: string | null;
  };
  scoring: {
    /** R14: scores to 2 decimals, half-up. */
    decimals: number;
    rounding: RoundingRule;
    /** C8: printed and computed scores may differ by this much before it is a mismatch. */
    tolerance: string;
    /** R8 / Q2: "=" scored like "≥" (as-greater), or any deviation loses points (deviation). */
    equal: 'as-greater' | 'deviation';
    /** R7 / Q1: "≤" scored 分值 × target/actual (ratio), or linearly down to 0 at 2× target. */
    reverse: 'ratio' | 'linear';
    /** R8 / C15: a negative actual counts as 0. */
    negativeActualAsZero: boolean;
    /** R10 / Q7: not-applicable rows are left out; "rescale" also scales the total to 100. */
    notApplicable: 'exclude' | 'rescale';
  };
  overAchievement: {
    /** R6 / C10 / Q3: actual ≥ threshold × target is an over-achievement (Guangxi: 1.3). */
    threshold: string;
    /** R6 / Q3: an over-achievement needs a 偏差原因. */
    reasonRequired: boolean;
    /** L1: points taken off an over-achieved indicator; null for none (MOF: full marks). */
    deduction: string | null;
  };
  /** R13 / C10 / Q6: when an empty 偏差原因 is a finding; `acceptExplainedDeduction` (Q6): a printed score below the
   *  rule's with a written reason is an explained self-deduction — SCORE_MISMATCH at info, kept by 改正. */
  reasons: { whenMissed: boolean; whenDeducted: boolean; acceptExplainedDeduction: boolean };
  /** R9 / C9 / Q8: qualitative bands, lowest first. */
  qualitative: QualitativeBand[];
  /** R12: grades by total, highest first; a total ≥ min gets the grade. */
  grades: { grade: string; min: string }[];
  /** L2: the total may not exceed maxTotal when the execution rate (percent) is below rateBelow. */
  totalCaps: { rateBelowPercent: string; maxTotal: string }[];
  /** C6: warn when level-1 weights differ from `weights`. */
  checkLevel1Weights: boolean;
  /** Hidden rows inside the indicator table (issue 11): "skip" leaves them out, as the printed form does (a hidden
   *  row with a 分值 then leaves the weights short of the total, and WEIGHT_SUM_MISMATCH says so); "read" reads a
   *  hidden row with content as an indicator like a visible one. Empty hidden rows are never indicators. */
  hiddenRows: 'skip' | 'read';
}

const QUALITATIVE_BANDS: QualitativeBand[] = [
  {
    grade: '未达成',
    min: '0',
    max: '0.6',
    maxInclusive: false,
    words: [
      '未达成年度指标且效果较差',
      '未达成年度指标',
      '未达成预期指标',
      '未达成',
      '未完成',
      '未实现',
      '不及时',
      '不合规',
      '无效',
      '差',
      '较差',
      '不满意',
      '否',
    ],
  },
  {
    grade: '部分达成',
    min: '0.6',
    max: '0.8',
    maxInclusive: false,
    words: [
      '部分达成年度指标并具有一定效果',
      '部分达成年度指标',
      '部分达成预期指标',
      '部分达成',
      '基本达成',
      '部分完成',
      '基本完成',
      '基本及时',
      '基本合规',
      '一般',
      '基本满意',
    ],
  },
  {
    grade: '达成',
    min: '0.8',
    max: '1',
    maxInclusive: true,
    words: [
      '达成年度指标',
      '达成预期指标',
      '达到预期',
      '达成',
      '完成',
      '已完成',
      '全部完成',
      '实现',
      '好',
      '较好',
      '良好',
      '优',
      '优秀',
      '及时',
      '合规',
      '有效',
      '效果明显',
      '效果显著',
      '显著',
      '明显',
      '提升',
      '提高',
      '满意',
      '是',
      '符合',
      '达标',
    ],
  },
];

const MOF_2020: Rulebook = {
  id: 'mof-2020',
  name: '财政部 财预〔2020〕10号',
  description: '财政部《项目支出绩效评价管理办法》的自评规则（默认）。',
  weights: { executionRate: '10', output: '50', benefit: '30', satisfaction: '10', total: '100' },
  executionRate: {
    denominator: 'annualBudget',
    cap: '1',
    displayDecimals: 2,
    displayRounding: 'half-up',
    tolerancePoints: '0.01',
    reasonBelowPercent: '90',
  },
  scoring: {
    decimals: 2,
    rounding: 'half-up',
    tolerance: '0.01',
    equal: 'as-greater',
    reverse: 'ratio',
    negativeActualAsZero: true,
    notApplicable: 'exclude',
  },
  overAchievement: { threshold: '1.3', reasonRequired: true, deduction: null },
  reasons: { whenMissed: true, whenDeducted: true, acceptExplainedDeduction: true },
  qualitative: QUALITATIVE_BANDS,
  grades: [
    { grade: '优', min: '90' },
    { grade: '良', min: '80' },
    { grade: '中', min: '60' },
    { grade: '差', min: '0' },
  ],
  totalCaps: [],
  checkLevel1Weights: true,
  hiddenRows: 'skip',
};

/** Shanghai prints the rate rounded up at 0.01% (R14 / Q5: 97.3412% → 97.35%); the score stays half-up. */
const SHANGHAI: Rulebook = {
  ...MOF_2020,
  id: 'shanghai',
  name: '上海市 财政项目支出绩效自评',
  description: '上海市的自评表：金额以元计，执行率显示向上取整到 0.01%，其余同财政部规则。',
  executionRate: { ...MOF_2020.executionRate, displayRounding: 'up' },
};

/** The county platform of L1–L2: −2 points at ≥130% of target, total capped by the execution rate. */
const LOCAL_PLATFORM: Rulebook = {
  ...MOF_2020,
  id: 'local-platform',
  name: '县级预算管理一体化平台（示例）',
  description: '在财政部规则之上：超过指标值30%扣2分；执行率低于80%/70%/60%/50%时总分分别不超过89/79/69/59。',
  overAchievement: { threshold: '1.3', reasonRequired: true, deduction: '2' },
  totalCaps: [
    { rateBelowPercent: '80', maxTotal: '89' },
    { rateBelowPercent: '70', maxTotal: '79' },
    { rateBelowPercent: '60', maxTotal: '69' },
    { rateBelowPercent: '50', maxTotal: '59' },
  ],
};

export const PRESETS: Readonly<Record<string, Rulebook>> = {
  'mof-2020': MOF_2020,
  shanghai: SHANGHAI,
  'local-platform': LOCAL_PLATFORM,
};

export const DEFAULT_RULEBOOK_ID = 'mof-2020';

export function presetNames(): string[] {
  return Object.keys(PRESETS);
}

/** A preset by id; throws RulebookError for an unknown name. */
export function getPreset(id: string): Rulebook {
  const book = PRESETS[id];
  if (!book) {
    throw new RulebookError(
      'id',
      `没有名为“${id}”的规则集（可选：${presetNames().join('、')}）`,
      `no rulebook named "${id}" (choose one of ${presetNames().join(', ')})`,
    );
  }
  return book;
}

export class RulebookError extends Error {
  readonly field: string;
  readonly messageZh: string;
  constructor(field: string, zh: string, en: string) {
    super(`${zh} / ${en}`);
    this.name = 'RulebookError';
    this.field = field;
    this.messageZh = zh;
  }
}

// ---- The schema of a rulebook (valibot: small enough for the task pane, and exportable as JSON Schema)

/** What a field should be, in English (the valibot message) and Chinese (the error's first half). */
const WANT_ZH = new Map<string, string>();
function want(en: string, zh: string): string {
  WANT_ZH.set(en, zh);
  return en;
}
const W = {
  decimal: want('a decimal string', '十进制数字字符串（如 "0.01"）'),
  decimalOrNull: want('a decimal string or null', '十进制数字字符串或 null'),
  text: want('a non-empty string', '非空字符串'),
  string: want('a string', '字符串'),
  boolean: want('a boolean', '布尔值 true/false'),
  digits: want('a whole number from 0 to 10', '0 到 10 的整数'),
  object: want('an object', 'JSON 对象'),
  list: want('a list', '数组'),
  nonEmptyList: want('a non-empty list', '非空数组'),
  oneOf: (options: readonly string[]): string =>
    want(`one of ${options.join(' | ')}`, `以下之一：${options.join(' | ')}`),
};

const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

const decimal = (message = W.decimal) => v.pipe(v.string(message), v.regex(DECIMAL_RE, message));
const decimalOrNull = () => v.nullable(decimal(W.decimalOrNull));
const text = () => v.pipe(v.string(W.text), v.regex(/\S/, W.text));
const flag = () => v.boolean(W.boolean);
const digits = () =>
  v.pipe(v.number(W.digits), v.integer(W.digits), v.minValue(0, W.digits), v.maxValue(10, W.digits));
const oneOf = <const T extends readonly string[]>(options: T) => v.picklist(options, W.oneOf(options));
const section = <const T extends v.ObjectEntries>(entries: T) => v.strictObject(entries, W.object);
const list = <const T extends v.GenericSchema>(item: T) => v.array(item, W.list);

/** A complete rulebook, as the presets are and as loadRulebook returns it. */
export const RULEBOOK_SCHEMA = section({
  id: text(),
  name: text(),
  description: v.string(W.string),
  weights: v.pipe(
    section({
      executionRate: decimal(),
      output: decimal(),
      benefit: decimal(),
      satisfaction: decimal(),
      total: decimal(),
    }),
    v.description('R1: default weights of the execution rate and the level-1 indicators, and their total.'),
  ),
  executionRate: section({
    denominator: v.pipe(
      oneOf(['annualBudget', 'initialBudget'] as const),
      v.description('R2: the budget the rate divides by.'),
    ),
    cap: v.pipe(decimalOrNull(), v.description('R4 / Q4: the rate the score is capped at ("1" = 100%).')),
    displayDecimals: digits(),
    displayRounding: v.pipe(oneOf(ROUNDING_RULES), v.description('R14 / Q5: rounding of the shown rate.')),
    tolerancePoints: v.pipe(
      decimal(),
      v.description('C1: percentage points within which a printed rate is info.'),
    ),
    reasonBelowPercent: v.pipe(decimalOrNull(), v.description('C10: a rate below this needs a reason.')),
  }),
  scoring: section({
    decimals: digits(),
    rounding: oneOf(ROUNDING_RULES),
    tolerance: v.pipe(decimal(), v.description('C8: allowed difference of printed and computed scores.')),
    equal: v.pipe(
      oneOf(['as-greater', 'deviation'] as const),
      v.description('R8 / Q2: how "=" targets score.'),
    ),
    reverse: v.pipe(oneOf(['ratio', 'linear'] as const), v.description('R7 / Q1: how "≤" targets score.')),
    negativeActualAsZero: flag(),
    notApplicable: v.pipe(oneOf(['exclude', 'rescale'] as const), v.description('R10 / Q7: 不适用 rows.')),
  }),
  overAchievement: section({
    threshold: v.pipe(
      decimal(),
      v.description('R6 / Q3: actual ≥ threshold × target is an over-achievement.'),
    ),
    reasonRequired: flag(),
    deduction: v.pipe(decimalOrNull(), v.description('L1: points taken off an over-achieved indicator.')),
  }),
  reasons: section({
    whenMissed: flag(),
    whenDeducted: flag(),
    acceptExplainedDeduction: v.pipe(
      flag(),
      v.description(
        "Q6: a score below the rule's with a written reason is an explained self-deduction (info; 改正 keeps it).",
      ),
    ),
  }),
  qualitative: v.pipe(
    list(
      section({
        grade: text(),
        min: decimal(),
        max: decimal(),
        maxInclusive: flag(),
        words: list(text()),
      }),
    ),
    v.description('R9 / Q8: qualitative bands, lowest first, with the words that select them.'),
  ),
  grades: v.pipe(
    list(section({ grade: text(), min: decimal() })),
    v.minLength(1, W.nonEmptyList),
    v.description('R12: grades by total, highest first.'),
  ),
  totalCaps: v.pipe(
    list(section({ rateBelowPercent: decimal(), maxTotal: decimal() })),
    v.description('L2: the total is capped when the execution rate is below a threshold.'),
  ),
  checkLevel1Weights: flag(),
  hiddenRows: v.pipe(
    oneOf(['skip', 'read'] as const),
    v.description('Hidden rows in the indicator table: skip them as the printed form does, or read them.'),
  ),
});

/** Every object of a complete rulebook made optional (lists stay whole: a list in a file replaces its base). */
function partialOf(schema: v.GenericSchema): v.GenericSchema {
  if (schema.type !== 'strict_object') return schema;
  if ('pipe' in schema) {
    // A piped object (weights): the object at the head of the pipe becomes partial, its actions stay.
    const [head, ...actions] = (schema as v.SchemaWithPipe<[v.GenericSchema]>).pipe;
    // Through a local: compiled for ES5 (the legacy pane), a spread call on v.pipe becomes v.pipe.apply(v, …),
    // which hands the whole valibot namespace to webpack as a value and keeps all of valibot in that bundle.
    const pipe = v.pipe;
    return pipe(partialOf(head), ...(actions as []));
  }
  const entries = (schema as v.StrictObjectSchema<v.ObjectEntries, string>).entries;
  return section(Object.fromEntries(Object.entries(entries).map(([k, s]) => [k, v.optional(partialOf(s))])));
}

/** A rulebook file: any part of a rulebook over `extends`, a preset (default mof-2020). */
export const RULEBOOK_FILE_SCHEMA = v.pipe(
  v.strictObject(
    {
      $schema: v.optional(
        v.pipe(
          v.string(W.string),
          v.description('Where an editor finds this JSON Schema; ignored when loading.'),
        ),
      ),
      extends: v.optional(
        v.pipe(
          v.picklist(Object.keys(PRESETS), W.oneOf(Object.keys(PRESETS))),
          v.description('The preset this rulebook changes; mof-2020 when left out.'),
        ),
      ),
      ...(partialOf(RULEBOOK_SCHEMA) as v.StrictObjectSchema<v.ObjectEntries, string>).entries,
    },
    W.object,
  ),
  v.title('selfeval rulebook'),
  v.description(
    'A selfeval rulebook (docs/scoring-rules.md): only the fields that differ from the preset named by "extends".',
  ),
);

/** "qualitative[0].words" for the path of an issue. */
function fieldOfIssue(issue: v.BaseIssue<unknown>): string {
  let field = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    field += typeof key === 'number' ? `[${key}]` : field ? `.${String(key)}` : String(key);
  }
  return field || '(root)';
}

function errorOfIssue(issue: v.BaseIssue<unknown>): RulebookError {
  const field = fieldOfIssue(issue);
  if (field === '(root)') {
    return new RulebookError(field, '规则集必须是 JSON 对象', 'a rulebook must be a JSON object');
  }
  if (field === 'extends') {
    const name = typeof issue.input === 'string' ? issue.input : JSON.stringify(issue.input);
    return new RulebookError(
      field,
      `规则集字段“extends”无效：没有名为“${name}”的预设规则集（可选：${presetNames().join('、')}）`,
      `rulebook field "extends" is invalid: no preset named "${name}" (choose one of ${presetNames().join(', ')})`,
    );
  }
  if (issue.kind === 'schema' && issue.expected === 'never') {
    return new RulebookError(field, `规则集中有未知字段“${field}”`, `unknown rulebook field "${field}"`);
  }
  if (issue.kind === 'schema' && issue.received === 'undefined') {
    return new RulebookError(field, `规则集缺少字段“${field}”`, `rulebook field "${field}" is missing`);
  }
  return new RulebookError(
    field,
    `规则集字段“${field}”无效：应为${WANT_ZH.get(issue.message) ?? issue.message}`,
    `rulebook field "${field}" is invalid: expected ${issue.message}`,
  );
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Load a rulebook from parsed JSON. Fields left out are taken from `extends` (a preset id, default mof-2020),
 * so an office writes only what differs. The file is checked against RULEBOOK_FILE_SCHEMA and the merged result
 * against RULEBOOK_SCHEMA; the first bad field gives a RulebookError naming it (Chinese, then English).
 */
export function loadRulebook(json: Json): Rulebook {
  // valibot takes an array for an object with keys "0", "1", …: an array is refused here first.
  if (!isObject(json)) throw errorOfIssue({ path: undefined } as v.BaseIssue<unknown>);
  const file = v.safeParse(RULEBOOK_FILE_SCHEMA, json, { abortEarly: true });
  if (!file.success) throw errorOfIssue(file.issues[0]);
  const own = { ...(file.output as Record<string, Json>) };
  const baseId = (own.extends as string | undefined) ?? DEFAULT_RULEBOOK_ID;
  delete own.extends;
  delete own.$schema; // for editors only
  const merged = deepMerge(getPreset(baseId), own);
  const book = v.safeParse(RULEBOOK_SCHEMA, merged, { abortEarly: true });
  if (!book.success) throw errorOfIssue(book.issues[0]);
  const out: Rulebook = book.output;
  return out;
}

/** Objects merge key by key; anything else (lists included) replaces the base. */
function deepMerge(base: Json, over: Json): Json {
  if (over === undefined) return base;
  if (!isObject(base) || !isObject(over)) return over;
  const out: Record<string, Json> = { ...base };
  for (const [k, value] of Object.entries(over)) out[k] = deepMerge(base[k], value);
  return out;
}
