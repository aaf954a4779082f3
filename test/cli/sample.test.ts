// End to end on the seed form as a workbook: the report matches the figures of the printed form, and the scored
// copy carries the marks, notes and sheets while the input stays byte for byte as it was.
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { PALETTE, planWrites, type Finding, type FormReport, type Report } from '../../src/core';
import { buildSeedWorkbook, SEED_FILE } from '../fixtures/examples';
import { SEED_SHEET } from '../fixtures/shanghai';
import { fromBytes, snapshotSheet } from '../xlsx/helpers';
import { run, scoredName, sha, tempDir, writeSamples } from './helpers';

const cells = buildSeedWorkbook().cells;

describe('selfeval on the seed form', () => {
  let dir: string;
  let input: string;
  let inputHash: string;
  let report: Report;
  let form: FormReport;
  let textRun: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    dir = tempDir();
    input = (await writeSamples(dir)).seed;
    inputHash = sha(input);
    const json = await run(['--json', '--no-write', SEED_FILE], dir);
    expect(json.code).toBe(0);
    const lines = json.out.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    report = JSON.parse(lines[0]) as Report;
    form = report.forms[0];
    textRun = await run([SEED_FILE], dir);
  });

  const at = (code: string, cell: string): Finding | undefined =>
    form.findings.find((f) => f.code === code && f.cell === cell);
  const indicator = (name: string): FormReport['indicators'][number] => {
    const i = form.indicators.find((x) => x.name === name);
    if (!i) throw new Error(`no indicator ${name}`);
    return i;
  };

  it('reports one form with the figures of the printed form', () => {
    expect(report.schema).toBe('selfeval-report/1');
    expect(report.source).toBe(SEED_FILE);
    expect(report.rulebook).toBe('mof-2020');
    expect(report.forms).toHaveLength(1);
    expect(form.sheet).toBe(SEED_SHEET);
    expect(form.project).toBe('计生特殊家庭帮扶及权益维护');
    expect(form.department).toBe('上海市卫生健康委员会');
    expect(form.implementer).toBe('上海市计划生育协会');
    expect(form.unit).toBe('元');
    expect(form.funds.executed).toBe('965043.97');
    expect(form.funds.rate).toEqual({ computed: '97.34', printed: '97.35', cell: cells.rate });
    expect(at('RATE_MISMATCH', cells.rate)?.severity).toBe('info');
    expect(form.funds.score.computed).toBe('9.73');
    expect(form.total.computed).toBe('99.73');
    expect(form.total.printed).toBe('99.43');
    expect(form.findings.filter((f) => f.code === 'TOTAL_MISMATCH')).toEqual([]);
    expect(form.grade.computed).toBe('优');
  });

  it('finds the self-deduction, the over-achievements and the missing reasons', () => {
    const timely = indicator('年底之前预算执行率');
    expect(timely.score.printed).toBe('9.7');
    expect(Number(timely.score.computed)).toBe(10);
    expect(at('SCORE_MISMATCH', timely.score.cell!)).toBeDefined();
    for (const name of ['普法宣传品/册发放', '普法活动覆盖人数']) {
      const i = form.indicators.findIndex((x) => x.name === name);
      expect({ name, over: at('OVER_ACHIEVED', cells.actuals[i])?.severity }).toEqual({
        name,
        over: 'warning',
      });
      expect({ name, reason: at('REASON_MISSING', cells.reasons[i])?.severity }).toEqual({
        name,
        reason: 'warning',
      });
    }
    // 12000 against =10000个 is 120%: below the 130% threshold.
    const leaflets = form.indicators.findIndex((x) => x.name === '计生特殊家庭宣传品制作发放');
    expect(at('OVER_ACHIEVED', cells.actuals[leaflets])).toBeUndefined();
  });

  it('prints a readable summary: project, 执行率, 得分, 总分, 等级, findings with cells', () => {
    expect(textRun.code).toBe(0);
    expect(textRun.err).toBe('');
    const out = textRun.out;
    expect(out).toContain('计生特殊家庭帮扶及权益维护');
    expect(out).toContain('执行率 97.34%（表中 97.35%）');
    expect(out).toContain('执行率得分 9.73');
    expect(out).toContain('总分 99.73 / 100（表中 99.43）');
    expect(out).toContain('等级 优');
    expect(out).toMatch(/提示\s+H6\s+RATE_MISMATCH/);
    expect(out).toMatch(/提示\s+H16\s+SCORE_MISMATCH.*自评扣分 0\.30 分，已说明原因/);
    expect(out).toContain(`→ 已写出 ${path.basename(scoredName(input))}`);
  });

  it('writes the scored copy next to the input and leaves the input byte for byte as it was', () => {
    expect(fs.existsSync(scoredName(input))).toBe(true);
    expect(sha(input)).toBe(inputHash);
  });

  describe('the scored copy, read back', () => {
    let original: ExcelJS.Workbook;
    let scored: ExcelJS.Workbook;
    beforeAll(async () => {
      original = await fromBytes(fs.readFileSync(input));
      scored = await fromBytes(fs.readFileSync(scoredName(input)));
    });

    it('has a fill and a note on every finding cell, coloured by severity', () => {
      const ws = scored.getWorksheet(SEED_SHEET)!;
      const plan = planWrites(report, 'check');
      expect(plan.edits.length).toBeGreaterThanOrEqual(10);
      for (const edit of plan.edits) {
        const cell = ws.getCell(edit.cell);
        expect({ cell: edit.cell, fill: cell.fill }).toEqual({
          cell: edit.cell,
          fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${edit.fill.slice(1)}` } },
        });
        expect(cell.note).toBe(edit.note);
      }
      expect(ws.getCell(cells.rate).fill).toMatchObject({
        fgColor: { argb: `FF${PALETTE.info.fill.slice(1)}` },
      });
      expect(ws.getCell('F14').font?.color).toEqual({ argb: `FF${PALETTE.warning.fontColor!.slice(1)}` });
    });

    it('has 审核意见 with every finding and a link to its cell, and no 评分汇总 for a single form', () => {
      const names = scored.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
      expect(names).toEqual([SEED_SHEET, '审核意见']);
      const review = scored.getWorksheet('审核意见')!;
      expect(review.rowCount).toBe(1 + form.findings.length);
      const codes: string[] = [];
      review.eachRow((row, n) => {
        if (n === 1) return;
        codes.push(String(row.getCell(4).value));
        const link = row.getCell(2).value as { formula: string };
        expect(link.formula).toMatch(new RegExp(`^HYPERLINK\\("#'${SEED_SHEET}'![A-Z]+\\d+"`));
      });
      expect(codes.sort()).toEqual(form.findings.map((f) => f.code).sort());
    });

    it('keeps every untouched cell, style, merge and width of the original', () => {
      const touched = new Set(planWrites(report, 'check').edits.map((e) => e.cell));
      const a = snapshotSheet(original.getWorksheet(SEED_SHEET)!);
      const b = snapshotSheet(scored.getWorksheet(SEED_SHEET)!);
      for (const [addr, snap] of a) {
        if (touched.has(addr)) {
          // Only the fill, the font colour and the note change; the value, border and format stay.
          const s = b.get(addr)!;
          expect(s.value).toEqual(snap.value);
          expect((s.style as { border?: unknown }).border).toEqual(
            (snap.style as { border?: unknown }).border,
          );
          continue;
        }
        expect({ addr, ...b.get(addr) }).toEqual({ addr, ...snap });
      }
      const o = original.getWorksheet(SEED_SHEET)!;
      const s = scored.getWorksheet(SEED_SHEET)!;
      expect(s.model.merges.sort()).toEqual(o.model.merges.sort());
      for (let c = 1; c <= 9; c++) expect(s.getColumn(c).width).toBe(o.getColumn(c).width);
    });
  });
});
