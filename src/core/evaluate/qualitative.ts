// Qualitative (定性) rows: the grade a value maps to, and the score band of that grade (R9, C9).
import type { Decimal } from '../decimal';
import { GRADE_EN, MESSAGES } from '../messages';
import type { ValueRead } from '../parse';
import type { QualitativeBand } from '../rulebook';
import { compact } from '../text';
import type { Context } from './context';
import { actualMissing, reasonMissing, requireDeductionReason, type IndicatorRow } from './row';

/** R9 / C9: the score must lie in the band of the stated grade; a grade below the top needs a reason (R13). */
export function checkQualitative(ctx: Context, row: IndicatorRow): void {
  const { book, findings } = ctx;
  const { weight, printed, report } = row;
  if (actualMissing(ctx, row)) return;
  const band = qualitativeBand(book.qualitative, row.actual, row.target);
  if (!band) {
    findings.add(
      'QUALITATIVE_UNMAPPED',
      'warning',
      row.actualAt,
      MESSAGES.unmapped({ name: row.label, value: row.actual.text }),
    );
    return;
  }
  if (weight === null) return;
  const min = weight.times(band.min);
  const max = weight.times(band.max);
  const bandReport = { grade: band.grade, min: ctx.round(min), max: ctx.round(max) };
  report.band = bandReport;
  const gradeEn = GRADE_EN[band.grade] ?? band.grade;
  const outside =
    printed !== null && (printed.lt(min) || (band.maxInclusive ? printed.gt(max) : printed.gte(max)));
  if (outside && !row.outOfRange) {
    findings.add(
      'QUALITATIVE_OUT_OF_BAND',
      'error',
      row.scoreAt,
      MESSAGES.outOfBand({
        name: row.label,
        grade: band.grade,
        gradeEn,
        min: bandReport.min,
        max: bandReport.max,
        maxOpen: !band.maxInclusive,
        found: (printed as Decimal).toFixed(),
      }),
      `${bandReport.min}–${bandReport.max}`,
      (printed as Decimal).toFixed(),
    );
  }
  if (row.reason) return;
  const missed = band.grade !== book.qualitative[book.qualitative.length - 1].grade;
  if (missed && book.reasons.whenMissed) {
    reasonMissing(ctx, row, MESSAGES.reasonQualitative({ name: row.label, grade: band.grade, gradeEn }));
  } else {
    requireDeductionReason(ctx, row);
  }
}

/** The band of a qualitative value (R9; the words of each band are the rulebook's, Q8): exact words first, then contained words from the lowest band up;
 *  an actual that repeats its qualitative target ("及时" for "及时") has met it. */
export function qualitativeBand(
  bands: QualitativeBand[],
  actual: ValueRead,
  target: ValueRead,
): QualitativeBand | null {
  const a = compact(actual.text);
  if (!a) return null;
  for (const band of bands) if (band.words.includes(a)) return band;
  for (const band of bands) {
    if (band.words.some((w) => w.length >= 2 && a.includes(w))) return band;
  }
  const t = compact(target.text).replace(/^(=|≥|>=|≤|<=)/, '');
  if (t && a === t) return bands[bands.length - 1];
  return null;
}
