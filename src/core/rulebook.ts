// The rulebook: every weight, threshold, rounding rule and formula choice of the scoring rules, as data.
// Rule numbers ("rule 5", "check 8", "(f)2") refer to shared/reference/scoring-rules.md.

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
  /** rule 1: default weights of the execution rate and the three level-1 indicators; their sum is the total. */
  weights: { executionRate: string; output: string; benefit: string; satisfaction: string; total: string };
  executionRate: {
    /** rule 2: 全年预算数 (adjusted budget) by default; 年初预算数 only for a local variant. */
    denominator: 'annualBudget' | 'initialBudget';
    /** rule 4: the score uses min(rate, cap); "1" = 100%. null for no cap. */
    cap: string | null;
    /** rule 3: score = 分值 × min(rate, cap), rounded to `scoring.decimals`. */
    /** rule 14 / check 1: how the computed rate is shown (percent decimals and rounding). */
    displayDecimals: number;
    displayRounding: RoundingRule;
    /** check 1: a printed rate within this many percentage points of the exact rate is only "info". */
    tolerancePoints: string;
    /** check 10: a rate below this percentage needs a reason (Sichuan); null to switch off. */
    reasonBelowPercent: string | null;
  };
  scoring: {
    /** rule 14: scores to 2 decimals, half-up. */
    decimals: number;
    rounding: RoundingRule;
    /** check 8: printed and computed scores may differ by this much before it is a mismatch. */
    tolerance: string;
    /** rule 8 / open question 2: "=" scored like "≥" (as-greater), or any deviation loses points (deviation). */
    equal: 'as-greater' | 'deviation';
    /** rule 7 / open question 1: "≤" scored 分值 × target/actual (ratio), or linearly down to 0 at 2× target. */
    reverse: 'ratio' | 'linear';
    /** rule 8: a negative actual counts as 0. */
    negativeActualAsZero: boolean;
    /** rule 10 / open question 7: not-applicable rows are left out; "rescale" also scales the total to 100. */
    notApplicable: 'exclude' | 'rescale';
  };
  overAchievement: {
    /** rule 6 / check 10: actual ≥ threshold × target is an over-achievement (Guangxi: 1.3). */
    threshold: string;
    /** rule 6: an over-achievement needs a 偏差原因. */
    reasonRequired: boolean;
    /** (f)1: points taken off an over-achieved indicator; null for none (MOF: full marks). */
    deduction: string | null;
  };
  /** rule 13 / check 10: when an empty 偏差原因 is a finding. */
  reasons: { whenMissed: boolean; whenDeducted: boolean };
  /** rule 9 / check 9: qualitative bands, lowest first. */
  qualitative: QualitativeBand[];
  /** rule 12: grades by total, highest first; a total ≥ min gets the grade. */
  grades: { grade: string; min: string }[];
  /** (f)2: the total may not exceed maxTotal when the execution rate (percent) is below rateBelow. */
  totalCaps: { rateBelowPercent: string; maxTotal: string }[];
  /** check 6: warn when level-1 weights differ from `weights`. */
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
  reasons: { whenMissed: true, whenDeducted: true },
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

/** Shanghai prints the rate rounded up at 0.01% (rule 14: 97.3412% → 97.35%); the score stays half-up. */
const SHANGHAI: Rulebook = {
  ...MOF_2020,
  id: 'shanghai',
  name: '上海市 财政项目支出绩效自评',
  description: '上海市的自评表：金额以元计，执行率显示向上取整到 0.01%，其余同财政部规则。',
  executionRate: { ...MOF_2020.executionRate, displayRounding: 'up' },
};

/** The county platform of (f): −2 points at ≥130% of target, total capped by the execution rate. */
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

const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Load a rulebook from parsed JSON. Fields left out are taken from `extends` (a preset id, default mof-2020),
 * so an office writes only what differs. Every field is checked; a bad one gives an error naming it.
 */
export function loadRulebook(json: Json): Rulebook {
  if (!isObject(json))
    throw new RulebookError('(root)', '规则集必须是 JSON 对象', 'a rulebook must be a JSON object');
  const baseId = json.extends === undefined ? DEFAULT_RULEBOOK_ID : json.extends;
  if (typeof baseId !== 'string') throw fieldError('extends', 'a preset name');
  if (!PRESETS[baseId]) {
    throw new RulebookError(
      'extends',
      `规则集字段“extends”无效：没有名为“${baseId}”的预设规则集（可选：${presetNames().join('、')}）`,
      `rulebook field "extends" is invalid: no preset named "${baseId}" (choose one of ${presetNames().join(', ')})`,
    );
  }
  const base = getPreset(baseId);
  const merged = deepMerge(base, json, '') as Record<string, Json>;
  delete merged.extends;
  validateRulebook(merged);
  return merged as unknown as Rulebook;
}

function deepMerge(base: Json, over: Json, path: string): Json {
  if (over === undefined) return base;
  if (isObject(base) && isObject(over)) {
    const out: Record<string, Json> = { ...base };
    for (const [k, v] of Object.entries(over)) {
      if (k === 'extends' && path === '') {
        out[k] = v;
        continue;
      }
      if (!(k in base)) {
        throw new RulebookError(
          joinPath(path, k),
          `规则集中有未知字段“${joinPath(path, k)}”`,
          `unknown rulebook field "${joinPath(path, k)}"`,
        );
      }
      out[k] = deepMerge(base[k], v, joinPath(path, k));
    }
    return out;
  }
  return over;
}

function joinPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function fieldError(field: string, want: string): RulebookError {
  return new RulebookError(
    field,
    `规则集字段“${field}”无效：应为${zhWant(want)}`,
    `rulebook field "${field}" is invalid: expected ${want}`,
  );
}

function zhWant(want: string): string {
  const map: Record<string, string> = {
    'a decimal string': '十进制数字字符串（如 "0.01"）',
    'a non-empty string': '非空字符串',
    'a boolean': '布尔值 true/false',
    'a whole number from 0 to 10': '0 到 10 的整数',
    'a preset name': '预设规则集名称',
    'a list': '数组',
    'a decimal string or null': '十进制数字字符串或 null',
  };
  return map[want] ?? want;
}

function validateRulebook(b: Record<string, Json>): void {
  const str = (path: string, v: Json): void => {
    if (typeof v !== 'string' || v.trim() === '') throw fieldError(path, 'a non-empty string');
  };
  const dec = (path: string, v: Json): void => {
    if (typeof v !== 'string' || !DECIMAL_RE.test(v)) throw fieldError(path, 'a decimal string');
  };
  const decOrNull = (path: string, v: Json): void => {
    if (v !== null && (typeof v !== 'string' || !DECIMAL_RE.test(v)))
      throw fieldError(path, 'a decimal string or null');
  };
  const bool = (path: string, v: Json): void => {
    if (typeof v !== 'boolean') throw fieldError(path, 'a boolean');
  };
  const oneOf = (path: string, v: Json, options: readonly string[]): void => {
    if (typeof v !== 'string' || !options.includes(v))
      throw fieldError(path, `one of ${options.join(' | ')}`);
  };
  const digits = (path: string, v: Json): void => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 10)
      throw fieldError(path, 'a whole number from 0 to 10');
  };
  const obj = (path: string, v: Json): Record<string, Json> => {
    if (!isObject(v)) throw fieldError(path, 'an object');
    return v;
  };
  const list = (path: string, v: Json): Json[] => {
    if (!Array.isArray(v)) throw fieldError(path, 'a list');
    return v;
  };

  str('id', b.id);
  str('name', b.name);
  if (typeof b.description !== 'string') throw fieldError('description', 'a string');
  const w = obj('weights', b.weights);
  for (const k of ['executionRate', 'output', 'benefit', 'satisfaction', 'total']) dec(`weights.${k}`, w[k]);
  const er = obj('executionRate', b.executionRate);
  oneOf('executionRate.denominator', er.denominator, ['annualBudget', 'initialBudget']);
  decOrNull('executionRate.cap', er.cap);
  digits('executionRate.displayDecimals', er.displayDecimals);
  oneOf('executionRate.displayRounding', er.displayRounding, ROUNDING_RULES);
  dec('executionRate.tolerancePoints', er.tolerancePoints);
  decOrNull('executionRate.reasonBelowPercent', er.reasonBelowPercent);
  const sc = obj('scoring', b.scoring);
  digits('scoring.decimals', sc.decimals);
  oneOf('scoring.rounding', sc.rounding, ROUNDING_RULES);
  dec('scoring.tolerance', sc.tolerance);
  oneOf('scoring.equal', sc.equal, ['as-greater', 'deviation']);
  oneOf('scoring.reverse', sc.reverse, ['ratio', 'linear']);
  bool('scoring.negativeActualAsZero', sc.negativeActualAsZero);
  oneOf('scoring.notApplicable', sc.notApplicable, ['exclude', 'rescale']);
  const oa = obj('overAchievement', b.overAchievement);
  dec('overAchievement.threshold', oa.threshold);
  bool('overAchievement.reasonRequired', oa.reasonRequired);
  decOrNull('overAchievement.deduction', oa.deduction);
  const rs = obj('reasons', b.reasons);
  bool('reasons.whenMissed', rs.whenMissed);
  bool('reasons.whenDeducted', rs.whenDeducted);
  list('qualitative', b.qualitative).forEach((band, i) => {
    const p = `qualitative[${i}]`;
    const o = obj(p, band);
    str(`${p}.grade`, o.grade);
    dec(`${p}.min`, o.min);
    dec(`${p}.max`, o.max);
    bool(`${p}.maxInclusive`, o.maxInclusive);
    const words = list(`${p}.words`, o.words);
    words.forEach((word, j) => str(`${p}.words[${j}]`, word));
  });
  const grades = list('grades', b.grades);
  if (grades.length === 0) throw fieldError('grades', 'a non-empty list');
  grades.forEach((g, i) => {
    const o = obj(`grades[${i}]`, g);
    str(`grades[${i}].grade`, o.grade);
    dec(`grades[${i}].min`, o.min);
  });
  list('totalCaps', b.totalCaps).forEach((c, i) => {
    const o = obj(`totalCaps[${i}]`, c);
    dec(`totalCaps[${i}].rateBelowPercent`, o.rateBelowPercent);
    dec(`totalCaps[${i}].maxTotal`, o.maxTotal);
  });
  bool('checkLevel1Weights', b.checkLevel1Weights);
  oneOf('hiddenRows', b.hiddenRows, ['skip', 'read']);
}
