// Explanations of the codes about weights and the total, the parts of the form, the workbook, and the reserved
// codes (docs/finding-codes.md, the later sections).
import type { FindingCode } from '../report';
import type { Explanation } from './types';

export const TOTALS_FORM_WORKBOOK = {
  WEIGHT_SUM_MISMATCH: {
    group: 'total',
    title: {
      'zh-CN': '各项分值加起来不等于总分值。',
      en: 'The points of the rows do not add up to the total points.',
    },
    where: {
      'zh-CN': '总分行的分值单元格，或标明分数的一级指标的第一行',
      en: 'the 分值 of the 总分 row, or the first row of a level-1 group whose label states points',
    },
    severity: { 'zh-CN': 'error（错误）', en: 'error' },
    rules: ['C6', 'R11', 'R1', 'Q7'],
    when: {
      'zh-CN':
        '执行率与各适用指标的分值之和不等于总分行的分值（或 100 减去不适用指标的分值），或“产出指标(50分)”之类标明的分数与其下各行分值之和不符。',
      en: 'the 分值 of the rate and of the applicable indicators do not add up to the printed total 分值 (or to 100 less the 分值 of 不适用 rows), or the rows under "产出指标(50分)" do not add up to 50.',
    },
    todo: { 'zh-CN': '改正分值，使各级合计一致。', en: 'correct the 分值 so that every level adds up.' },
  },
  WEIGHT_NEGATIVE: {
    group: 'total',
    title: { 'zh-CN': '分值为负数。', en: 'A weight is negative.' },
    where: { 'zh-CN': '该行（或执行率）的分值单元格', en: 'the 分值 of the row (or of the execution rate)' },
    severity: { 'zh-CN': 'error（错误）', en: 'error' },
    rules: ['R1'],
    when: {
      'zh-CN': '分值小于 0：该行不计算得分，也不计入分值合计，填写和改正模式不写入其得分。',
      en: 'a 分值 is below 0: the row gets no score, is left out of the weight sums, and fill and correct write no score for it.',
    },
    todo: {
      'zh-CN': '改正分值（多为误输入的负号）。',
      en: 'correct the 分值 (usually a minus sign typed by mistake).',
    },
  },
  LEVEL1_WEIGHTS_NONSTANDARD: {
    group: 'total',
    title: {
      'zh-CN': '一级指标的分值分配与规则集的通常比例不同。',
      en: "The level-1 indicators split the points differently from the rulebook's usual split.",
    },
    where: { 'zh-CN': '该一级指标的第一行', en: 'the first row of the level-1 group' },
    severity: { 'zh-CN': 'info（提示）', en: 'info' },
    rules: ['C6', 'R1'],
    when: {
      'zh-CN':
        '产出、效益或满意度指标的分值合计与规则集的 weights（50 / 30 / 10）不同（checkLevel1Weights 为 true 时）。',
      en: "产出, 效益 or 满意度 weights add up to something other than the rulebook's weights (50 / 30 / 10), while checkLevel1Weights is on.",
    },
    todo: {
      'zh-CN': '如属有意安排（如四川的表、没有满意度指标）无需处理；否则改正分值。',
      en: "nothing if the split is intended (Sichuan's forms, or no 满意度 block); otherwise correct the 分值.",
    },
  },
  TOTAL_MISMATCH: {
    group: 'total',
    title: {
      'zh-CN': '表中总分不等于各项得分之和。',
      en: 'The printed total is not the sum of the printed scores.',
    },
    where: { 'zh-CN': '总分行的得分单元格', en: 'the 得分 of the 总分 row' },
    severity: { 'zh-CN': 'error（错误）', en: 'error' },
    rules: ['C14', 'R11'],
    when: {
      'zh-CN': '表中总分不等于表中各项得分（执行率得分与各适用指标得分）之和。',
      en: "the printed total is not the sum of the printed scores (the rate's and every applicable indicator's).",
    },
    todo: {
      'zh-CN': '改为各项得分之和；再处理各条 SCORE_MISMATCH，它们会影响计算出的总分。',
      en: 'write the sum; then look at the SCORE_MISMATCH findings, which change the computed total.',
    },
  },
  TOTAL_CAPPED: {
    group: 'total',
    title: {
      'zh-CN': '执行率偏低，总分按规则集的上限计。',
      en: 'The execution rate is low, so the total is capped by the rulebook.',
    },
    where: { 'zh-CN': '总分行的得分单元格', en: 'the 得分 of the 总分 row' },
    severity: { 'zh-CN': 'warning（警告）', en: 'warning' },
    rules: ['L2'],
    when: {
      'zh-CN':
        '规则集按执行率限定总分上限（totalCaps，如 local-platform），计算出的总分超过上限，已按上限计。',
      en: 'the rulebook caps the total by the execution rate (totalCaps; the local-platform preset) and the total was above the cap; the computed total is cut to it.',
    },
    todo: { 'zh-CN': '总分按上限填写，等级随之调整。', en: 'write the capped total and the grade it gives.' },
  },
  GRADE_MISMATCH: {
    group: 'total',
    title: {
      'zh-CN': '表中等级与计算出的总分不相符。',
      en: 'The printed grade does not match the computed total.',
    },
    where: { 'zh-CN': '表中等级单元格', en: 'the printed grade (评价等级, 自评等级 …)' },
    severity: { 'zh-CN': 'warning（警告）', en: 'warning' },
    rules: ['C14', 'R12'],
    when: {
      'zh-CN': '表中等级与按计算总分确定的等级不同。',
      en: 'the grade printed on the form is not the grade of the computed total.',
    },
    todo: {
      'zh-CN': '改正得分后，按计算出的总分填写等级。',
      en: 'write the grade of the computed total (after fixing the scores).',
    },
  },
  FIELD_MISSING: {
    group: 'form',
    title: { 'zh-CN': '核对所需的内容没有填写。', en: 'Something the checks need is not filled in.' },
    where: { 'zh-CN': '应填写该内容的单元格', en: 'the cell where the value belongs' },
    severity: {
      'zh-CN':
        '全年执行数或预算数为空为 error（错误，没有它们无法计算执行率）；项目名称、总体目标、目标完成情况、某行的分值或年度指标值为空为 warning（警告）',
      en: "error for 全年执行数 or the budget (no rate without them); warning for 项目名称, the goal, its outcome, a row's 分值 or its 年度指标值",
    },
    rules: ['C16', 'C13'],
    when: { 'zh-CN': '核对所需的内容未填写。', en: 'a part the checks need is empty.' },
    todo: { 'zh-CN': '补填该内容。', en: 'fill it in.' },
  },
  FORMULA_UNCALCULATED: {
    group: 'form',
    title: {
      'zh-CN': '公式没有计算结果（文件从未在 Excel 中保存过）。',
      en: 'Formulas have no saved results (the file was never saved in Excel).',
    },
    where: {
      'zh-CN': '表内每个没有计算结果的公式单元格',
      en: 'every cell of the form whose formula has no saved result',
    },
    severity: { 'zh-CN': 'warning（警告）', en: 'warning' },
    rules: [],
    when: {
      'zh-CN': '文件由程序生成、从未在 Excel 中打开保存，公式没有计算结果；依赖这些单元格的核对不进行。',
      en: 'the file was written by a program and never opened and saved in Excel, so its formulas have no value. The checks that need those cells are skipped.',
    },
    todo: {
      'zh-CN': '在 Excel 中打开并保存该文件后重新评分。',
      en: 'open the file in Excel, save it, and score it again.',
    },
  },
  RESULT_BLANK: {
    group: 'form',
    title: {
      'zh-CN': '结果单元格是空的，规则能算出它的值。',
      en: 'A result cell is empty and the rules give its value.',
    },
    where: {
      'zh-CN': '空着的执行率、执行率得分、指标得分或总分单元格',
      en: 'the empty 执行率, 执行率得分, indicator 得分 or 总分 cell',
    },
    severity: { 'zh-CN': 'info（提示）', en: 'info' },
    rules: ['R2', 'R3', 'R11', 'Q6'],
    when: {
      'zh-CN':
        '结果单元格为空（没有数值也没有公式），而规则能算出其值；意见和 expected 中给出“填写”模式会写入的值（总分保留已说明原因的自评扣分）。',
      en: 'a result cell is empty (no value, no formula) and the rules give its value; the message and expected carry the value 填写 (fill mode) would write — for the total, with explained self-deductions kept.',
    },
    todo: {
      'zh-CN': '填写该值，或用“填写”模式重新评分，由程序写入。',
      en: 'fill in the value, or score again in 填写 mode to have it written.',
    },
  },
  FORMULA_RESULT_DIFFERS: {
    group: 'form',
    title: {
      'zh-CN': '公式算出的结果与规则给出的值不同。',
      en: "A formula's result differs from the value the rules give.",
    },
    where: {
      'zh-CN': '含公式的结果单元格（执行率、执行率得分、得分、总分）',
      en: 'a result cell (执行率, 执行率得分, 得分, 总分) that holds a formula',
    },
    severity: {
      'zh-CN':
        '公式读取的单元格与规则不同（遗漏一行或读错列）为 warning（警告）；读取的单元格正确、差异来自其中的值或无法判断为 info（提示）',
      en: 'warning when the formula reads other cells than the rule (it leaves out a row, or reads the wrong column); info when it reads the right cells and the difference comes from their values, or cannot be told',
    },
    rules: ['R2', 'R11', 'C1', 'C8', 'C14'],
    when: {
      'zh-CN':
        '公式的结果与规则给出的值不同（或为空）。公式是使用者的工作，任何模式都不改写。意见中列出公式、其结果、按规则应得的值（亦见 expected），以及原因所在：公式遗漏或错读的单元格，或其读取的、值有误的单元格。',
      en: "the formula's result is not the value the rules give (or is empty). A formula is the user's work: no mode writes into it. The message gives the formula, its result, the rule's value (also in expected), and which cells are the cause: the cells the formula leaves out or reads instead of the rule's, or the cells it reads whose values are wrong.",
    },
    todo: {
      'zh-CN': '改正公式（引用的区域或列），或改正其读取的单元格，公式即会算出正确结果。',
      en: 'correct the formula (its range or column), or the cells it reads; the formula then gives the right result by itself.',
    },
  },
  FORM_NOT_FOUND: {
    group: 'workbook',
    title: { 'zh-CN': '工作表中没有找到自评表。', en: 'No self-evaluation form was found on the sheet.' },
    where: { 'zh-CN': 'errors[]，注明工作表名', en: "errors[], with the sheet's name" },
    severity: { 'zh-CN': '无', en: 'none (a workbook error)' },
    rules: [],
    when: {
      'zh-CN':
        '工作表中没有“一级指标 … 三级指标”表头。只在整个工作簿都没有自评表时（或宿主要求逐表报告时）给出。',
      en: 'a sheet has no indicator header (一级指标 … 三级指标). Reported only when the whole workbook has no form, or when the host asks for every sheet.',
    },
    todo: {
      'zh-CN': '确认文件是项目支出绩效自评表，且指标表头完整。',
      en: 'check that the workbook is a 项目支出绩效自评表 and that its header row is intact.',
    },
  },
  SHEET_UNREADABLE: {
    group: 'workbook',
    title: { 'zh-CN': '读取某张工作表时出错。', en: 'A sheet could not be read.' },
    where: { 'zh-CN': 'errors[]，注明工作表名', en: "errors[], with the sheet's name" },
    severity: { 'zh-CN': '无', en: 'none (a workbook error)' },
    rules: [],
    when: {
      'zh-CN': '读取某张工作表时意外出错；其余工作表照常评分。',
      en: 'reading a sheet failed unexpectedly; the other sheets are still scored.',
    },
    todo: {
      'zh-CN': '如可能，把提示信息和文件反馈给维护者；可先把自评表复制到新工作表再评分。',
      en: 'report the message to the maintainers with the file if you can; copy the form to a new sheet as a workaround.',
    },
  },
  SHEET_PROTECTED: {
    group: 'workbook',
    title: {
      'zh-CN': '工作表受保护，无法在单元格上标记。',
      en: 'The sheet is protected, so no cell could be marked.',
    },
    where: {
      'zh-CN': 'errors[]，注明工作表名（Excel 加载项）',
      en: "errors[], with the sheet's name (Excel add-in)",
    },
    severity: { 'zh-CN': '无', en: 'none (a workbook error)' },
    rules: [],
    when: {
      'zh-CN': '工作表受保护：已读取并评分，但无法标记单元格；问题列在“审核意见”表中。',
      en: 'the sheet is protected: it was read and scored, but no cell could be marked; its findings are on the 审核意见 sheet.',
    },
    todo: {
      'zh-CN': '撤消工作表保护（审阅 → 撤消工作表保护）后重新评分，即可在单元格上标记。',
      en: 'unprotect the sheet (审阅 → 撤消工作表保护) and score again to get the marks.',
    },
  },
  FILE_UNREADABLE: {
    group: 'workbook',
    title: {
      'zh-CN': '文件无法作为 .xlsx 工作簿打开。',
      en: 'The file cannot be opened as an .xlsx workbook.',
    },
    where: {
      'zh-CN': '命令行 --json 报告的 errors[]，sheet 为 null',
      en: "errors[] of the command line's --json report, sheet null",
    },
    severity: { 'zh-CN': '无（退出码为 2）', en: 'none (a workbook error; the exit code is 2)' },
    rules: [],
    when: {
      'zh-CN': '文件无法作为工作簿打开（不是 .xlsx、有密码、文件不完整），或评分时出错。',
      en: 'the file cannot be opened as a workbook (not .xlsx, password-protected, truncated) or scoring it failed.',
    },
    todo: {
      'zh-CN': '在 Excel 中打开，去掉密码，另存为 .xlsx 后重新评分。',
      en: 'open the file in Excel, remove any password, save it as .xlsx and score it again.',
    },
  },
  OVER_ACHIEVED_DEDUCTION: {
    group: 'reserved',
    title: { 'zh-CN': '保留代码，目前不会出现。', en: 'A reserved code, not produced at present.' },
    where: { 'zh-CN': '目前不会出现', en: 'not produced' },
    severity: { 'zh-CN': '无', en: 'none' },
    rules: ['L1'],
    when: {
      'zh-CN':
        '目前不会出现：该代码在 FindingCode 类型中，但 L1 扣分由 OVER_ACHIEVED（意见中写明扣分）和 SCORE_MISMATCH 报告。',
      en: 'never at present: the code is in the FindingCode type, but the L1 deduction is reported by OVER_ACHIEVED (whose message states it) and by SCORE_MISMATCH against a printed score that kept the points.',
    },
    todo: {
      'zh-CN': '无需处理。',
      en: 'nothing; readers should treat it like any other code they might meet later.',
    },
  },
} satisfies Partial<Record<FindingCode, Explanation>>;
