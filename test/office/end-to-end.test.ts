// The seed form scored end to end through the Office host, as the task pane does it: scoreWorkbook(host, …).
import { scoreWorkbook } from '../../src/app/score-flow';
import { loadRulebook, REVIEW_SHEET_NAME, SUMMARY_SHEET_NAME } from '../../src/core';
import { SYNCS } from '../../src/hosts/office';
import type { FakeSheet } from '../../src/office-standin/model';
import { automaticFontAsBlack, cell, clone, seedSheet, setup, workbook } from './helpers';

// With explained deductions not accepted, the seed's 9.7 of 10 is a value 改正 corrects (and the total with it).
const rulebook = loadRulebook({ reasons: { acceptExplainedDeduction: false } });
const request = { rulebook, mode: 'correct' as const, lang: 'zh-CN' as const };

describe('scoring the seed form through the Office host', () => {
  it('marks the form, writes 审核意见, never stacks, and restores the original', async () => {
    const { host, fake, model } = setup(workbook([seedSheet()]), { apiVersion: '1.18' });
    const original = clone(model);

    const first = await scoreWorkbook(host, request);
    // hasMarks, read, apply: the same round trips whatever the workbook.
    expect(fake.stats.syncs).toBe(SYNCS.hasMarks + SYNCS.read + SYNCS.apply);
    const form = first.report.forms[0];
    expect(first.report.source).toBe('2021自评表.xlsx');
    expect(form.funds.rate.computed).toBe('97.34');
    expect(form.total.computed).toBe('99.73');
    expect(first.applied.explanation).toBe('note');
    expect(first.applied.cellsMarked).toBe(first.plan.edits.length);

    // The printed total 99.43 is corrected to 99.73 and explained in a note; the 97.35% rate is an info mark.
    expect(cell(model, '自评表', 'H21')).toMatchObject({
      value: 99.73,
      fill: '#C6EFCE',
      fontColor: '#006100',
    });
    expect(cell(model, '自评表', 'H21')?.note).toContain('99.73');
    expect(cell(model, '自评表', 'H6')).toMatchObject({ value: 0.9735, fill: '#DDEBF7' });
    expect(cell(model, '自评表', 'H6')?.note).toContain('97.34%');
    // Every finding is a row of 审核意见, under its header.
    const review = model.sheets.find((s) => s.name === REVIEW_SHEET_NAME) as FakeSheet;
    const rows = Object.keys(review.cells).filter((a) => /^A\d+$/.test(a)).length;
    expect(rows).toBe(1 + form.findings.length);

    // Scoring again clears the first marks and reads the form as the user left it: the same result.
    const marked = clone(model);
    fake.stats.reset();
    const second = await scoreWorkbook(host, request);
    expect(fake.stats.syncs).toBe(SYNCS.hasMarks + SYNCS.restore + SYNCS.read + SYNCS.apply);
    expect(second.applied.cleared).toEqual({ restored: first.plan.edits.length, kept: 0, blocked: 0 });
    expect(second.report).toEqual(first.report);
    expect(model).toEqual(marked);

    // 清除标记.
    await host.restore();
    expect(automaticFontAsBlack(model)).toEqual(automaticFontAsBlack(original));
    expect(model.sheets.map((s) => s.name)).toEqual(['自评表']);
  });

  it.each([
    ['1.14', 'comment'],
    ['1.8', 'none'],
  ])('works on ExcelApi %s with explanations as %s', async (apiVersion, explanation) => {
    const { host, model } = setup(workbook([seedSheet('表一'), seedSheet('表二')]), { apiVersion });
    const original = clone(model);
    const out = await scoreWorkbook(host, request);
    expect(out.report.forms).toHaveLength(2);
    expect(out.applied.explanation).toBe(explanation);
    expect(model.sheets.map((s) => s.name)).toEqual(['表一', '表二', REVIEW_SHEET_NAME, SUMMARY_SHEET_NAME]);
    const comments = model.sheets[0].comments.length;
    expect(comments).toBe(explanation === 'comment' ? out.plan.edits.length / 2 : 0);
    await host.restore();
    expect(automaticFontAsBlack(model)).toEqual(automaticFontAsBlack(original));
  });
});

describe('a user’s own sheet named 审核意见', () => {
  it('is scored like any sheet, while the add-in’s own table sheet is never read as a form', async () => {
    const { host, fake, model } = setup(workbook([seedSheet(REVIEW_SHEET_NAME)]), { apiVersion: '1.18' });
    const original = clone(model);

    const first = await scoreWorkbook(host, request);
    expect(first.report.forms).toHaveLength(1);
    expect(first.report.forms[0].sheet).toBe(REVIEW_SHEET_NAME);
    expect(first.report.forms[0].total.computed).toBe('99.73');
    expect(cell(model, REVIEW_SHEET_NAME, 'H21')).toMatchObject({ value: 99.73, fill: '#C6EFCE' });
    const ours = `${REVIEW_SHEET_NAME}(2)`;
    expect(model.sheets.map((s) => s.name)).toEqual([REVIEW_SHEET_NAME, ours]);

    // Read on its own (no restore first), the marked workbook gives the user's sheet and not our table.
    fake.stats.reset();
    const read = await host.read();
    expect(read.sheets.map((s) => s.name)).toEqual([REVIEW_SHEET_NAME]);
    expect(fake.stats.syncs).toBe(SYNCS.read + 1); // the record's XML

    // Scoring again: the same single form, the table in the same place, nothing stacked.
    const second = await scoreWorkbook(host, request);
    expect(second.report).toEqual(first.report);
    expect(model.sheets.map((s) => s.name)).toEqual([REVIEW_SHEET_NAME, ours]);

    await host.restore();
    expect(automaticFontAsBlack(model)).toEqual(automaticFontAsBlack(original));
  });
});
