// Finding forms on a sheet by their labels, wherever they stand: the indicator header (一级指标 … 三级指标) anchors a
// form; its funds block, header fields and goals are looked for above it, its indicator rows below it down to 总分.
import { Grid } from './grid';
import { compact, labelBrackets, labelKey, pointsOfLabel, unitOfLabel } from './text';

export interface Cell {
  row: number;
  col: number;
}

export type FundsColumn =
  'initialBudget' | 'annualBudget' | 'executed' | 'weight' | 'rate' | 'score' | 'reason';
export type IndicatorColumn =
  | 'level1'
  | 'level2'
  | 'name'
  | 'target'
  | 'nature'
  | 'targetValue'
  | 'targetUnit'
  | 'actual'
  | 'weight'
  | 'score'
  | 'reason';

export interface FundsLayout {
  headerRow: number;
  /** The 年度资金总额 row. */
  totalRow: number;
  labelCol: number;
  /** The 其中 rows under the total. */
  breakdownRows: number[];
  cols: Partial<Record<FundsColumn, number>>;
  unit: '元' | '万元' | null;
  /** The 分值 of the execution rate as a label states it, when the block has no 分值 cell: "预算执行情况（20分）",
   *  "得分（20分*执行率）" → "20". */
  statedWeight: string | null;
}

export interface IndicatorLayout {
  headerRow: number;
  /** First row of indicators (after one or two header rows). */
  firstRow: number;
  rows: number[];
  /** Hidden rows inside the table that hold an indicator's content (a name, values or a weight): not read unless
   *  the rulebook says so (Rulebook.hiddenRows). Hidden rows with nothing in them are left out altogether. */
  hiddenRows: number[];
  cols: Partial<Record<IndicatorColumn, number>>;
  /** The 总分 / 合计 row, null when the table has none. */
  totalRow: number | null;
}

export interface FormLayout {
  sheet: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
  year: string | null;
  /** Label cells of the header fields; the value is the next filled cell to the right. */
  project: Cell | null;
  department: Cell | null;
  implementer: Cell | null;
  /** Goal block labels (预算目标 / 实际完成情况); the text stands under them. */
  goalTarget: Cell | null;
  goalActual: Cell | null;
  grade: Cell | null;
  funds: FundsLayout | null;
  indicators: IndicatorLayout;
}

// Label vocabularies (docs/scoring-rules.md#labels), after labelKey() (no spaces, half-width, no brackets, no
// trailing colon).
const FUNDS_HEADERS: Record<FundsColumn, string[]> = {
  initialBudget: ['年初预算数', '年初预算', '年初预算金额'],
  annualBudget: ['全年预算数', '调整后预算数', '预算数', '全年预算', '调整后预算', '全年预算金额'],
  executed: ['全年执行数', '预算执行数', '执行数', '全年执行', '实际执行数', '全年实际执行数'],
  weight: ['分值', '权重'],
  rate: ['执行率', '预算执行率', '全年执行率'],
  score: ['得分'],
  reason: ['原因', '偏差原因', '原因说明', '未完成原因', '偏差原因分析', '执行偏差原因'],
};

const FUNDS_TOTAL_LABELS = ['年度资金总额', '总额', '年度财政资金总额', '资金总额', '年度资金总额合计'];

const INDICATOR_HEADERS: Record<IndicatorColumn, string[]> = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标'],
  target: ['年度指标值', '指标值', '年初目标值', '年度目标值', '目标值', '预期指标值', '年度绩效指标值'],
  nature: ['指标性质'],
  targetValue: [],
  targetUnit: ['度量单位', '计量单位', '单位'],
  actual: ['实际完成值', '完成值', '全年实际值', '实际值', '实际完成数', '全年完成值'],
  weight: ['分值', '权重'],
  score: ['得分', '自评得分'],
  reason: [],
};

const TOTAL_LABELS = ['总分', '合计', '总计', '合计得分', '自评总分'];

const FIELD_LABELS = {
  project: ['项目名称', '项目名称及代码'],
  department: ['主管部门', '主管部门及代码', '主管单位', '主管部门(单位)'],
  implementer: ['实施单位', '项目实施单位', '项目单位', '实施单位及代码'],
  goalTarget: ['预算目标', '预期目标', '项目年度目标', '年度目标', '年度预期目标'],
  goalActual: ['实际完成情况', '年度目标完成情况', '目标完成情况', '实际完成'],
  grade: ['评价等级', '自评等级', '绩效等级', '等级'],
};

/** The labels of the header fields whose value stands to their right (项目名称, 主管部门, 实施单位): a search for
 *  one field's value stops at the next field's label. */
export const HEADER_FIELD_LABELS: readonly string[] = [
  ...FIELD_LABELS.project,
  ...FIELD_LABELS.department,
  ...FIELD_LABELS.implementer,
];

function isReasonLabel(key: string): boolean {
  return key.includes('原因') || key.includes('改进措施');
}

function matches(key: string, list: string[]): boolean {
  return list.includes(key);
}

/** Every form on a sheet, top to bottom. */
export function locateForms(grid: Grid): FormLayout[] {
  const anchors = findIndicatorHeaders(grid);
  const forms: FormLayout[] = [];
  let regionTop = grid.firstRow;
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i];
    const nextAnchor = i + 1 < anchors.length ? anchors[i + 1].row : grid.rowCount;
    const indicators = readIndicatorLayout(grid, a.row, nextAnchor);
    const regionBottom =
      indicators.totalRow ?? (indicators.rows.length ? indicators.rows[indicators.rows.length - 1] : a.row);
    const form = buildForm(grid, regionTop, a.row, regionBottom, indicators);
    forms.push(form);
    regionTop = regionBottom + 1;
  }
  return forms;
}

interface Anchor {
  row: number;
}

function findIndicatorHeaders(grid: Grid): Anchor[] {
  const out: Anchor[] = [];
  for (let r = grid.firstRow; r < grid.rowCount; r++) {
    let l1 = -1;
    let l3 = -1;
    for (let c = grid.firstCol; c < grid.colCount; c++) {
      const v = grid.raw(r, c);
      // Cheap test first: most cells of a big sheet are numbers or prose without these characters.
      if (typeof v !== 'string' || !v.includes('指') || !grid.isAnchor(r, c)) continue;
      const k = labelKey(v);
      if (k === '一级指标') l1 = c;
      if (k === '三级指标' && l1 >= 0 && c > l1) l3 = c;
    }
    if (l1 >= 0 && l3 >= 0) out.push({ row: r });
  }
  return out;
}

function readIndicatorLayout(grid: Grid, headerRow: number, limit: number): IndicatorLayout {
  const cols: Partial<Record<IndicatorColumn, number>> = {};
  // A second header row holds the split target columns (指标性质 / 指标值 / 度量单位) under 年度指标值, or the
  // value columns (年度指标值 / 实际完成值) under a merged parent such as 年度绩效指标 or 完成情况.
  let subRow: number | null = null;
  const next = headerRow + 1;
  if (next < limit) {
    for (let c = grid.firstCol; c < grid.colCount; c++) {
      if (!grid.isAnchor(next, c) || hiddenLabel(grid, next, c)) continue;
      const k = labelKey(grid.raw(next, c));
      if (k === '指标性质' || k === '度量单位' || k === '计量单位' || k === '指标值') subRow = next;
      if (matches(k, INDICATOR_HEADERS.target) || matches(k, INDICATOR_HEADERS.actual)) subRow = next;
    }
  }
  for (let c = grid.firstCol; c < grid.colCount; c++) {
    // A hidden column (an old copy of a column, a helper) never takes a label: it must not shift the real one.
    if (hiddenLabel(grid, headerRow, c)) continue;
    const top = labelKey(grid.value(headerRow, c));
    const sub = subRow !== null && grid.isAnchor(subRow, c) ? labelKey(grid.raw(subRow, c)) : '';
    const key = sub || top;
    if (!key) continue;
    let field: IndicatorColumn | null = null;
    if (sub === '指标值' || (sub && matches(sub, INDICATOR_HEADERS.target) && subRow !== null))
      field = 'targetValue';
    else if (matches(key, INDICATOR_HEADERS.nature)) field = 'nature';
    else if (matches(key, INDICATOR_HEADERS.targetUnit)) field = 'targetUnit';
    else if (isReasonLabel(key)) field = 'reason';
    else {
      for (const f of ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score'] as const) {
        if (matches(key, INDICATOR_HEADERS[f])) {
          field = f;
          break;
        }
      }
    }
    if (field && cols[field] === undefined) cols[field] = c;
  }
  // Split columns on one header row: 指标性质 | 指标值 | 度量单位 — the 指标值 column holds the number.
  if (
    cols.targetValue === undefined &&
    cols.target !== undefined &&
    (cols.nature !== undefined || cols.targetUnit !== undefined)
  ) {
    cols.targetValue = cols.target;
  }
  // With split columns the value column is the target; a merged 年度指标值 over them is not a column of its own.
  if (cols.targetValue !== undefined) delete cols.target;
  const firstRow = (subRow ?? headerRow) + 1;
  const rows: number[] = [];
  const hiddenRows: number[] = [];
  let totalRow: number | null = null;
  const left = Math.min(...Object.values(cols).filter((c): c is number => c !== undefined), grid.colCount);
  const labelSpan = Math.max(cols.name ?? left, cols.level2 ?? left) + 1;
  let blankRun = 0;
  for (let r = firstRow; r < limit; r++) {
    let isTotal = false;
    for (let c = Math.max(grid.firstCol, left - 1); c <= labelSpan; c++) {
      if (matches(labelKey(grid.raw(r, c)), TOTAL_LABELS)) isTotal = true;
    }
    if (isTotal) {
      totalRow = r;
      break;
    }
    // A table without a 总分 row ends where the next form begins (its title, header fields or funds block).
    if (
      startsAnotherForm(
        grid,
        r,
        Math.max(grid.firstCol, left - 1),
        Math.max(...Object.values(cols).map(Number)),
      )
    ) {
      break;
    }
    const used = (['name', 'target', 'targetValue', 'actual', 'weight', 'score'] as const).some((f) => {
      const c = cols[f];
      if (c === undefined) return false;
      const v = grid.raw(r, c);
      return v !== null && String(v).trim() !== '';
    });
    if (!used) {
      // Hidden spare rows of a template do not end the table: only blank rows a reader sees do.
      if (grid.isHiddenRow(r)) continue;
      blankRun++;
      if (blankRun >= 3) break;
      continue;
    }
    blankRun = 0;
    if (isPlaceholderRow(grid, r, cols)) continue;
    if (grid.isHiddenRow(r)) hiddenRows.push(r);
    else rows.push(r);
  }
  return { headerRow, firstRow, rows, hiddenRows, cols, totalRow };
}

/** A label out of sight: in a hidden column, and not merged into a visible one (a label merged over a hidden and a
 *  visible column still shows, and its value sits in the merged area's first cell). */
function hiddenLabel(grid: Grid, row: number, col: number): boolean {
  if (!grid.isHiddenCol(col)) return false;
  const m = grid.mergeOf(row, col);
  if (!m) return true;
  for (let c = m.left; c <= m.right; c++) if (!grid.isHiddenCol(c)) return false;
  return true;
}

/** Names a template leaves in spare rows: "……", "...", "其他", "略", "—", or nothing. */
const PLACEHOLDER_NAME = /^(?:[.。…·、]+|其他|其它|略|—+|-+|\/)?$/;

/** A placeholder row of the template: a placeholder name with no weight and no score (empty, 0 or "—"). It is
 *  not an indicator; a row with such a name and a weight above 0 is one (its name aside), and is read. */
function isPlaceholderRow(grid: Grid, row: number, cols: Partial<Record<IndicatorColumn, number>>): boolean {
  const nothing = (c: number | undefined): boolean => {
    if (c === undefined) return true;
    const s = compact(grid.raw(row, c));
    return s === '' || /^(?:0+(?:\.0*)?|—+|-+|\/)$/.test(s);
  };
  return (
    PLACEHOLDER_NAME.test(compact(grid.raw(row, cols.name ?? -1))) &&
    nothing(cols.weight) &&
    nothing(cols.score)
  );
}

const NEXT_FORM_LABELS = [
  '项目名称',
  '主管部门',
  '实施单位',
  '年初预算数',
  '全年预算数',
  '调整后预算数',
  '年度资金总额',
];

function startsAnotherForm(grid: Grid, row: number, from: number, to: number): boolean {
  for (let c = from; c <= to; c++) {
    const v = grid.raw(row, c);
    if (typeof v !== 'string') continue;
    const k = labelKey(v);
    if (matches(k, NEXT_FORM_LABELS) || k.endsWith('自评表')) return true;
  }
  return false;
}

function buildForm(
  grid: Grid,
  top: number,
  headerRow: number,
  bottom: number,
  indicators: IndicatorLayout,
): FormLayout {
  let left = Math.min(...Object.values(indicators.cols).filter((c): c is number => c !== undefined));
  let right = Math.max(...Object.values(indicators.cols).filter((c): c is number => c !== undefined));
  // Only look at the columns around the table, so content beside the form does not get mixed in.
  const scanLeft = Math.max(grid.firstCol, left - 3);
  const scanRight = Math.min(grid.colCount - 1, right + 2);
  const find = (labels: string[], from: number, to: number): Cell | null => {
    for (let r = from; r < to; r++) {
      for (let c = scanLeft; c <= scanRight; c++) {
        if (!grid.isAnchor(r, c)) continue;
        if (matches(labelKey(grid.raw(r, c)), labels)) return { row: r, col: c };
      }
    }
    return null;
  };
  const funds = findFunds(grid, top, headerRow, scanLeft, scanRight);
  const project = find(FIELD_LABELS.project, top, headerRow);
  const department = find(FIELD_LABELS.department, top, headerRow);
  const implementer = find(FIELD_LABELS.implementer, top, headerRow);
  const goalTarget = find(FIELD_LABELS.goalTarget, top, headerRow);
  const goalActual = find(FIELD_LABELS.goalActual, top, headerRow);
  const grade = find(FIELD_LABELS.grade, top, bottom + 3);

  // The form starts at its title (…自评表) or its first label, whichever is higher.
  let first = headerRow;
  let year: string | null = null;
  for (let r = top; r < headerRow; r++) {
    for (let c = scanLeft; c <= scanRight; c++) {
      const k = labelKey(grid.raw(r, c));
      const raw = String(grid.raw(r, c) ?? '');
      if (k.endsWith('自评表') || /绩效自评/.test(k)) first = Math.min(first, r);
      const y = /((?:19|20)\d{2})\s*年度?/.exec(raw.normalize('NFKC'));
      if (y && year === null && r <= (project?.row ?? headerRow) && raw.length < 40) {
        year = y[1];
        first = Math.min(first, r);
      }
    }
  }
  for (const cell of [project, department, implementer, goalTarget, goalActual]) {
    if (cell) first = Math.min(first, cell.row);
  }
  if (funds) first = Math.min(first, funds.headerRow);
  for (const cell of [project, department, implementer]) {
    if (cell) left = Math.min(left, cell.col);
  }
  if (funds) {
    left = Math.min(left, funds.labelCol);
    right = Math.max(right, ...Object.values(funds.cols).filter((c): c is number => c !== undefined));
  }
  // Widen to the merged areas and filled cells of the form's rows, within the scanned columns.
  for (let r = first; r <= bottom; r++) {
    for (let c = scanLeft; c <= scanRight; c++) {
      const m = grid.mergeOf(r, c);
      if (m && m.left >= scanLeft && m.right <= scanRight + 2) {
        left = Math.min(left, m.left);
        right = Math.max(right, m.right);
      }
    }
  }
  return {
    sheet: grid.name,
    top: first,
    bottom,
    left,
    right,
    year,
    project,
    department,
    implementer,
    goalTarget,
    goalActual,
    grade,
    funds,
    indicators,
  };
}

function findFunds(
  grid: Grid,
  top: number,
  bottom: number,
  scanLeft: number,
  scanRight: number,
): FundsLayout | null {
  for (let r = top; r < bottom; r++) {
    const cols: Partial<Record<FundsColumn, number>> = {};
    let unit: '元' | '万元' | null = null;
    for (let c = scanLeft; c <= scanRight; c++) {
      if (!grid.isAnchor(r, c) || hiddenLabel(grid, r, c)) continue;
      const raw = grid.raw(r, c);
      const k = labelKey(raw);
      for (const f of Object.keys(FUNDS_HEADERS) as FundsColumn[]) {
        if (cols[f] === undefined && matches(k, FUNDS_HEADERS[f])) {
          cols[f] = c;
          unit = unit ?? unitOfLabel(raw);
        }
      }
    }
    if (cols.executed === undefined || cols.annualBudget === undefined) continue;
    const firstMoney = Math.min(cols.initialBudget ?? cols.annualBudget, cols.annualBudget);
    // The total row: labelled 年度资金总额, or the first row under the header with a number in 全年预算数.
    let totalRow = -1;
    let labelCol = Math.max(scanLeft, firstMoney - 1);
    for (let rr = r + 1; rr < Math.min(bottom, r + 4) && totalRow < 0; rr++) {
      for (let c = scanLeft; c < firstMoney; c++) {
        if (matches(labelKey(grid.raw(rr, c)), FUNDS_TOTAL_LABELS)) {
          totalRow = rr;
          labelCol = c;
          break;
        }
      }
    }
    if (totalRow < 0) {
      // The first row under the header a reader sees.
      totalRow = r + 1;
      while (totalRow + 1 < bottom && grid.isHiddenRow(totalRow)) totalRow++;
    }
    // Unit: the block label to the left ("项目资金（元）", merged over the block) or any header.
    for (let rr = r; rr <= totalRow; rr++) {
      for (let c = scanLeft; c <= scanRight; c++) unit = unit ?? unitOfLabel(grid.value(rr, c));
    }
    for (let rr = Math.max(top, r - 2); rr < r; rr++) {
      for (let c = scanLeft; c <= scanRight; c++) unit = unit ?? unitOfLabel(grid.value(rr, c));
    }
    const breakdownRows: number[] = [];
    const hasLabelColumn = labelCol < firstMoney;
    for (let rr = totalRow + 1; hasLabelColumn && rr < Math.min(bottom, totalRow + 9); rr++) {
      const k = labelKey(grid.raw(rr, labelCol));
      if (!k || isSectionLabel(k)) break;
      breakdownRows.push(rr);
    }
    const statedWeight =
      cols.weight === undefined
        ? fundsWeightOfLabels(grid, r, totalRow, scanLeft, firstMoney, cols.score)
        : null;
    return { headerRow: r, totalRow, labelCol, breakdownRows, cols, unit, statedWeight };
  }
  return null;
}

/** R1, R3: the points of the execution rate written in a label, for a block with no 分值 cell — the block label left
 *  of the amounts ("预算执行情况（20分）", "预算执行情况(万元)(10分)") or the score header ("得分（20分*执行率）"). */
function fundsWeightOfLabels(
  grid: Grid,
  headerRow: number,
  totalRow: number,
  scanLeft: number,
  firstMoney: number,
  scoreCol: number | undefined,
): string | null {
  if (scoreCol !== undefined) {
    for (const part of labelBrackets(grid.value(headerRow, scoreCol))) {
      const m = /^(\d+(?:\.\d+)?)分(?:[*×xX]\S*)?$/.exec(part);
      if (m) return m[1];
    }
  }
  for (let r = headerRow; r <= totalRow; r++) {
    for (let c = scanLeft; c < firstMoney; c++) {
      const points = pointsOfLabel(grid.value(r, c));
      if (points !== null) return points;
    }
  }
  return null;
}

function isSectionLabel(key: string): boolean {
  return (
    key.startsWith('年度总体目标') ||
    key === '总体目标' ||
    matches(key, FIELD_LABELS.goalTarget) ||
    matches(key, FIELD_LABELS.goalActual) ||
    key === '绩效指标' ||
    key === '一级指标' ||
    (key.startsWith('年度') && key.endsWith('目标'))
  );
}
