// Reading one located form, scoring it by the rulebook and validating it: the FormReport. Each rule family has its
// own module; rule ids (R5, C8, Q3) refer to docs/scoring-rules.md.
import { rangeA1 } from '../a1';
import { Grid } from '../grid';
import type { FormLayout } from '../locate';
import { MESSAGES } from '../messages';
import type { FormReport } from '../report';
import type { Rulebook } from '../rulebook';
import { fieldValue, makeContext, plainText, type Context } from './context';
import { evaluateFunds } from './funds';
import { evaluateIndicators } from './indicators';
import { checkResults } from './results';
import { evaluateTotal } from './totals';
import { checkWeights } from './weights';

export { gradeOf } from './totals';
export { qualitativeBand } from './qualitative';
export { scoreShare } from './quantitative';

export function evaluateForm(grid: Grid, layout: FormLayout, book: Rulebook): FormReport {
  const ctx = makeContext(grid, book);
  const header = checkHeader(ctx, layout);
  checkUncalculated(ctx, layout);
  const funds = evaluateFunds(ctx, layout.funds);
  const indicators = evaluateIndicators(ctx, layout, funds);
  const totalWeight = checkWeights(ctx, layout, funds, indicators);
  const { total, grade } = evaluateTotal(ctx, layout, funds, indicators, totalWeight);
  checkResults(ctx, funds, indicators, total);
  return {
    sheet: layout.sheet,
    range: rangeA1({ top: layout.top, left: layout.left, bottom: layout.bottom, right: layout.right }),
    year: layout.year,
    ...header,
    unit: layout.funds?.unit ?? null,
    funds: funds.report,
    indicators: indicators.reports,
    total,
    grade,
    findings: ctx.findings.sorted(),
  };
}

/** The header fields, and the goal block that must not be empty (C16). */
function checkHeader(
  ctx: Context,
  layout: FormLayout,
): Pick<FormReport, 'project' | 'department' | 'implementer'> {
  const { grid, findings } = ctx;
  const project = fieldValue(grid, layout.project, layout.right);
  if (layout.project && !project.text) {
    findings.add(
      'FIELD_MISSING',
      'warning',
      project.at,
      MESSAGES.fieldMissing({ field: '项目名称', fieldEn: 'The project name' }),
    );
  }
  for (const [label, zh, en] of [
    [layout.goalTarget, '年度目标（预算目标/预期目标）', 'The annual goal'],
    [layout.goalActual, '目标实际完成情况', 'The goal outcome'],
  ] as const) {
    if (!label) continue;
    const below = { row: label.row + 1, col: label.col };
    if (!plainText(grid, below)) {
      findings.add('FIELD_MISSING', 'warning', below, MESSAGES.fieldMissing({ field: zh, fieldEn: en }));
    }
  }
  return {
    project: project.text,
    department: fieldValue(grid, layout.department, layout.right).text,
    implementer: fieldValue(grid, layout.implementer, layout.right).text,
  };
}

/** Formulas a program wrote and Excel never calculated: their values are unknown to every check. */
function checkUncalculated(ctx: Context, layout: FormLayout): void {
  for (let r = layout.top; r <= layout.bottom; r++) {
    for (let c = layout.left; c <= layout.right; c++) {
      if (ctx.grid.isUncalculated(r, c)) {
        ctx.findings.add(
          'FORMULA_UNCALCULATED',
          'warning',
          { row: r, col: c },
          MESSAGES.formulaUncalculated(),
        );
      }
    }
  }
}
