// `selfeval template FILE`: writes the blank official form with its formulas and their cached results, never over
// an existing file without --force; the written file reopens, and the CLI scores it (blank, and filled with the
// seed form's numbers) with no finding about the form's own formulas.
import type ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip'; // ExcelJS's own zip library
import * as path from 'path';
import { getPreset, type Report } from '../../src/core';
import { blankTemplate, fillTemplate } from '../../src/core/template';
import { loadWorkbook, workbookBytes } from '../../src/hosts/xlsx';
import { templateWorkbook } from '../../src/hosts/xlsx/template';
import { seedValues } from '../fixtures/template';
import { run, sha, tempDir } from './helpers';

const FORMULA_CODES = ['FORMULA_UNCALCULATED', 'RATE_MISMATCH', 'FUNDS_SCORE_MISMATCH', 'TOTAL_MISMATCH'];

async function open(file: string): Promise<ExcelJS.Worksheet> {
  const wb = await loadWorkbook(fs.readFileSync(file));
  const ws = wb.getWorksheet('自评表');
  if (!ws) throw new Error('no sheet 自评表');
  return ws;
}

async function scoreJson(file: string, dir: string, rulebook = 'mof-2020'): Promise<Report> {
  const r = await run([file, '--json', '--no-write', '--rulebook', rulebook], dir);
  expect(r.code).toBe(0);
  return JSON.parse(r.out.trim()) as Report;
}

describe('selfeval template', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a workbook that reopens with the form, its formulas, cached results, validations and notes', async () => {
    const r = await run(['template', '空白自评表.xlsx'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('空白自评表.xlsx');
    const ws = await open(path.join(dir, '空白自评表.xlsx'));
    expect(ws.getCell('A1').value).toBe('项目支出绩效自评表');
    expect(ws.getCell('A5').value).toBe('项目\n资金\n（元）');
    expect(ws.getCell('H6').formula).toBe('IF(OR(COUNT(F6)=0,N(E6)=0),0,F6/E6)');
    expect(ws.getCell('H6').result).toBe(0);
    expect(ws.getCell('H6').numFmt).toBe('0.00%');
    expect(ws.getCell('I6').formula).toContain('ROUND(G6*MIN(F6/E6,1),2)');
    expect(ws.getCell('H29').formula).toBe('ROUND(SUM(I6,H13:H28),2)');
    expect(ws.getCell('G29').value).toBe(100);
    expect(ws.getCell('D13').value).toBe('……');
    // ExcelJS reads a decimal rule's bounds as numbers (the cell reference G13 comes back NaN): check the XML.
    expect(ws.getCell('H13').dataValidation).toMatchObject({ type: 'decimal' });
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, '空白自评表.xlsx')));
    const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    expect(xml).toMatch(/sqref="H13:H28"><formula1>0<\/formula1><formula2>G13<\/formula2>/);
    expect(xml).toContain('<formula1>OR(ISTEXT(F13),F13&gt;=0)</formula1>');
    expect(ws.getCell('F20').dataValidation).toMatchObject({ type: 'custom' });
    expect(ws.getCell('D6').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'greaterThanOrEqual',
    });
    expect(String(ws.getCell('D12').note)).toContain('插入');
    expect(ws.getCell('B13').isMerged).toBe(true);
    expect(ws.getCell('E6').border?.top?.style).toBe('thin');
  });

  it('the blank form is scored with no finding about its own formulas', async () => {
    expect((await run(['template', 'blank.xlsx'], dir)).code).toBe(0);
    const report = await scoreJson('blank.xlsx', dir);
    expect(report.forms).toHaveLength(1);
    const codes = report.forms[0].findings.map((f) => f.code);
    expect(codes.filter((c) => FORMULA_CODES.includes(c))).toEqual([]);
    expect(report.forms[0].total.cell).toBe('H29');
  });

  it('never overwrites a file without --force', async () => {
    const file = path.join(dir, 'form.xlsx');
    fs.writeFileSync(file, 'keep me');
    const before = sha(file);
    const r = await run(['template', 'form.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^文件已存在：form\.xlsx.*--force.* \/ form\.xlsx exists/);
    expect(sha(file)).toBe(before);
    expect((await run(['template', 'form.xlsx', '--force'], dir)).code).toBe(0);
    expect((await open(file)).getCell('A3').value).toBe('项目名称');
  });

  it('follows --rulebook and --unit', async () => {
    expect((await run(['template', 's.xlsx', '--rulebook', 'shanghai', '--unit', '万元'], dir)).code).toBe(0);
    const ws = await open(path.join(dir, 's.xlsx'));
    expect(ws.getCell('A5').value).toBe('项目\n资金\n（万元）');
    expect(ws.getCell('H6').formula).toContain('ROUNDUP(F6/E6,4)');
    expect((await run(['template', 'l.xlsx', '-r', 'local-platform'], dir)).code).toBe(0);
    expect((await open(path.join(dir, 'l.xlsx'))).getCell('H29').formula).toContain('F6/E6*100<80,89');
  });

  it('refuses a bad rulebook, unit or file name clearly, writing nothing', async () => {
    const bad = await run(['template', 'x.xlsx', '--rulebook', 'nowhere'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^规则集“nowhere”无法使用：没有名为“nowhere”的规则集/);
    const unit = await run(['template', 'x.xlsx', '--unit', '千元'], dir);
    expect(unit.code).toBe(2);
    expect(unit.err).toContain('千元');
    const name = await run(['template', 'x.csv'], dir);
    expect(name.code).toBe(2);
    expect(name.err).toMatch(/^模板文件名须以 \.xlsx 结尾/);
    expect((await run(['template'], dir)).code).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect((await run(['template', '--help'], dir)).code).toBe(0);
  });

  it('filled with the sample’s numbers, the written file carries the results and scores to the sample’s figures', async () => {
    const book = getPreset('mof-2020');
    const blank = blankTemplate(book);
    const filled = fillTemplate(blank, book, seedValues(blank));
    const file = path.join(dir, 'filled.xlsx');
    fs.writeFileSync(file, await workbookBytes(templateWorkbook(filled)));
    const ws = await open(file);
    expect(ws.getCell('H6').formula).toBe('IF(OR(COUNT(F6)=0,N(E6)=0),0,F6/E6)');
    expect(ws.getCell('H6').result).toBeCloseTo(0.9734123964, 9);
    expect(ws.getCell('I6').result).toBe(9.73);
    expect(ws.getCell('H29').result).toBe(99.43);
    const form = (await scoreJson('filled.xlsx', dir)).forms[0];
    expect(form.funds.rate.computed).toBe('97.34');
    expect(form.funds.score).toMatchObject({ computed: '9.73', printed: '9.73' });
    expect(form.total).toMatchObject({ computed: '99.73', printed: '99.43' });
    expect(form.grade.computed).toBe('优');
    expect(form.findings.map((f) => f.code).filter((c) => FORMULA_CODES.includes(c))).toEqual([]);
  });
});
