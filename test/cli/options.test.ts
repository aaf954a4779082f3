// Options: modes, language, rulebooks, usage errors, the progress bar, and scoring a scored file again.
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { PALETTE, type Report } from '../../src/core';
import { SEED_FILE } from '../fixtures/examples';
import { writeForm } from '../fixtures/form-excel';
import { SEED_FORM, SEED_SHEET } from '../fixtures/shanghai';
import { fromBytes, toBytes } from '../xlsx/helpers';
import { run, scoredName, sha, tempDir, writeSamples } from './helpers';

const green = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${PALETTE.written.fill.slice(1)}` } };

describe('--mode', () => {
  it('fill writes the computed 执行率, 得分 and 总分 into the empty cells, in green', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SEED_SHEET);
    const spec = {
      ...SEED_FORM,
      funds: { ...SEED_FORM.funds, rate: null, score: null },
      total: { weight: 100, score: null },
    };
    const cells = writeForm(ws, spec, 1, 1);
    fs.writeFileSync(path.join(dir, '空白.xlsx'), await toBytes(wb));

    const r = await run(['--mode', 'fill', '空白.xlsx'], dir);
    expect(r.code).toBe(0);
    const out = (await fromBytes(fs.readFileSync(path.join(dir, '空白.scored.xlsx')))).getWorksheet(
      SEED_SHEET,
    )!;
    expect(out.getCell(cells.rate).value).toBe(0.9734);
    expect(out.getCell(cells.rate).numFmt).toBe('0.00%');
    expect(out.getCell(cells.fundsScore).value).toBe(9.73);
    // 99.73 by the rules, with the explained self-deduction 9.7 of 10 kept.
    expect(out.getCell(cells.total).value).toBe(99.43);
    expect(out.getCell(cells.total).fill).toEqual(green);
    expect(out.getCell(cells.total).note).toMatch(/已填写：99\.43/);
  });

  it('correct overwrites the wrong printed values and keeps the info-level rate as printed', async () => {
    const dir = tempDir();
    const { seed } = await writeSamples(dir);
    const hash = sha(seed);
    // With explained deductions not accepted, the seed's 9.7 of 10 is a value to correct.
    fs.writeFileSync(path.join(dir, 'strict.json'), '{"reasons":{"acceptExplainedDeduction":false}}');
    const r = await run(['--mode', 'correct', '--rulebook', 'strict.json', SEED_FILE], dir);
    expect(r.code).toBe(0);
    const ws = (await fromBytes(fs.readFileSync(scoredName(seed)))).getWorksheet(SEED_SHEET)!;
    expect(ws.getCell('H16').value).toBe(10);
    expect(ws.getCell('H16').fill).toEqual(green);
    expect(ws.getCell('H16').note).toMatch(/已改正：原值 9\.7，改为 10/);
    expect(ws.getCell('H21').value).toBe(99.73);
    expect(ws.getCell('H6').value).toBe(0.9735);
    expect(sha(seed)).toBe(hash);
  });
});

describe('--lang en', () => {
  it('writes English notes, sheets and summary', async () => {
    const dir = tempDir();
    const { seed } = await writeSamples(dir);
    const r = await run(['--lang', 'en', SEED_FILE], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('execution rate 97.34% (printed 97.35%)');
    expect(r.out).toContain('total 99.73 / 100 (printed 99.43)');
    expect(r.out).toContain('grade excellent (优)');
    const wb = await fromBytes(fs.readFileSync(scoredName(seed)));
    expect(wb.getWorksheet(SEED_SHEET)!.getCell('H6').note).toMatch(/^selfeval review\nInfo:/);
    expect(wb.getWorksheet('审核意见')!.getCell('A1').value).toBe('Form');
  });
});

describe('--rulebook', () => {
  it('takes a preset name or a JSON file, and refuses a bad one before reading any input', async () => {
    const dir = tempDir();
    await writeSamples(dir);
    const shanghai = await run(['--json', '--no-write', '--rulebook', 'shanghai', SEED_FILE], dir);
    const [r1] = shanghai.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Report);
    expect(r1.rulebook).toBe('shanghai');
    // Shanghai shows the rate rounded up: 97.3412% → 97.35%, as printed.
    expect(r1.forms[0].funds.rate.computed).toBe('97.35');

    // An office's own threshold: 20× the target. 50000 for =3000份 (16.7×) is no longer flagged, 120000 for
    // =800人 (150×) still is.
    const book = { id: 'bureau', extends: 'mof-2020', overAchievement: { threshold: '20' } };
    fs.writeFileSync(path.join(dir, '本局规则.json'), JSON.stringify(book));
    const own = await run(['--json', '--no-write', '--rulebook', '本局规则.json', SEED_FILE], dir);
    const [r2] = own.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Report);
    expect(r2.rulebook).toBe('bureau');
    expect(r2.forms[0].findings.filter((f) => f.code === 'OVER_ACHIEVED').map((f) => f.cell)).toEqual([
      'F18',
    ]);

    const unknown = await run(['--rulebook', 'beijing', SEED_FILE], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/规则集“beijing”无法使用：没有名为“beijing”的规则集/);
    fs.writeFileSync(path.join(dir, 'bad.json'), '{ "scoring": { "decimals": "two" } }');
    const bad = await run(['--rulebook', 'bad.json', SEED_FILE], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('scoring.decimals');
    expect(fs.existsSync(path.join(dir, scoredName(SEED_FILE)))).toBe(false);
  });
});

describe('usage', () => {
  it('exits 2 on bad usage and 0 on --help / --version', async () => {
    const dir = tempDir();
    expect((await run([], dir)).code).toBe(2);
    const mode = await run(['--mode', 'fix', 'a.xlsx'], dir);
    expect(mode.code).toBe(2);
    expect(mode.err).toMatch(/fix/);
    expect((await run(['--summary', 'a.txt', 'a.xlsx'], dir)).code).toBe(2);
    expect((await run(['--bogus', 'a.xlsx'], dir)).code).toBe(2);
    const help = await run(['--help'], dir);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: selfeval');
    expect(help.out).toContain('--fail-on');
    const version = await run(['--version'], dir);
    expect(version.code).toBe(0);
    expect(version.out.trim()).toMatch(/^\d+\.\d+\.\d+ \((\d{4}-\d\d-\d\d|开发构建 \/ development build)\)$/);
  });
});

describe('progress', () => {
  it('draws a bar on stderr for a batch only when stderr is a terminal', async () => {
    const dir = tempDir();
    await writeSamples(dir);
    const tty = await run(['--no-write', '.'], dir, { tty: true });
    expect(tty.err).toContain('█');
    expect(tty.err).toContain('2/2');
    const quiet = await run(['--no-write', '.'], dir);
    expect(quiet.err).toBe('');
    const one = await run(['--no-write', SEED_FILE], dir, { tty: true });
    expect(one.err).toBe('');
  });
});

describe('scoring a scored copy again', () => {
  it('replaces its marks and sheets instead of stacking them', async () => {
    const dir = tempDir();
    const { seed } = await writeSamples(dir);
    expect((await run([SEED_FILE], dir)).code).toBe(0);
    const first = scoredName(seed);
    const again = await run(['--json', path.basename(first)], dir);
    expect(again.code).toBe(0);
    const [report] = again.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Report);
    expect(report.forms).toHaveLength(1);
    const wb = await fromBytes(fs.readFileSync(scoredName(first)));
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      SEED_SHEET,
      '审核意见',
    ]);
    expect(wb.getWorksheet('审核意见')!.rowCount).toBe(1 + report.forms[0].findings.length);
    expect(wb.getWorksheet(SEED_SHEET)!.getCell('H6').note).not.toMatch(/——/);
  });
});
