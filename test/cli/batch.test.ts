// Batches: the multi-form workbook, folders, bad files among good ones, outputs, summaries and exit codes.
import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/core';
import { planWrites } from '../../src/core';
import { buildMultiWorkbook, MULTI_FILE, SEED_FILE } from '../fixtures/examples';
import { badFiles, noFormWorkbook } from '../xlsx/bad-files';
import { cellsOfRange, fromBytes, snapshotSheet } from '../xlsx/helpers';
import { run, sampleBytes, scoredName, sha, tempDir, writeSamples } from './helpers';

const multiCells = buildMultiWorkbook().cells;

function reports(out: string): Report[] {
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Report);
}

describe('the multi-form workbook', () => {
  let dir: string;
  let report: Report;
  beforeAll(async () => {
    dir = tempDir();
    await writeSamples(dir);
    const r = await run(['--json', MULTI_FILE], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    [report] = reports(r.out);
  });

  it('finds four forms: two on sheets of their own, two stacked on one sheet', () => {
    expect(report.forms.map((f) => [f.sheet, f.project, f.range])).toEqual([
      ['养老服务', '社区居家养老服务补贴', multiCells.elderly.range],
      ['公共卫生', '基本公共卫生服务', multiCells.health.range],
      ['文化项目', '公共文化场馆免费开放', multiCells.culture.range],
      ['文化项目', '非遗保护传承', multiCells.heritage.range],
    ]);
    expect(report.forms[1].unit).toBe('元');
    expect(report.forms[0].unit).toBe('万元');
  });

  it('finds the planted mistakes and nothing on the clean form', () => {
    const codes = (i: number): string[] =>
      report.forms[i].findings.filter((f) => f.severity !== 'info').map((f) => `${f.code}@${f.cell}`);
    const { elderly, health, heritage } = multiCells;
    expect(codes(0)).toEqual(
      expect.arrayContaining([
        `FUNDS_SCORE_MISMATCH@${elderly.fundsScore}`,
        `SCORE_MISMATCH@${elderly.scores[0]}`,
        `REASON_MISSING@${elderly.reasons[0]}`,
      ]),
    );
    expect(report.forms[0].funds.rate.computed).toBe('94.20');
    expect(report.forms[0].funds.score).toMatchObject({ computed: '9.42', printed: '9.5' });
    expect(codes(1)).toEqual(
      expect.arrayContaining([
        `REASON_MISSING@${health.rate}`,
        `QUALITATIVE_OUT_OF_BAND@${health.scores[2]}`,
      ]),
    );
    expect(codes(1).some((c) => c.startsWith('BREAKDOWN_SUM_MISMATCH@'))).toBe(true);
    expect(report.forms[2].findings).toEqual([]);
    expect(codes(3)).toEqual(
      expect.arrayContaining([
        `WEIGHT_SUM_MISMATCH@${heritage.totalWeight}`,
        `TOTAL_MISMATCH@${heritage.total}`,
        `ACTUAL_MISSING@${heritage.actuals[1]}`,
      ]),
    );
  });

  it('writes 审核意见 and 评分汇总 (one row a form) and keeps every formula and untouched cell', async () => {
    const original = await fromBytes((await sampleBytes()).multi);
    const scored = await fromBytes(fs.readFileSync(path.join(dir, scoredName(MULTI_FILE))));
    expect(scored.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      '填表说明',
      '养老服务',
      '公共卫生',
      '文化项目',
      '审核意见',
      '评分汇总',
    ]);
    const summary = scored.getWorksheet('评分汇总')!;
    expect(summary.rowCount).toBe(5);
    expect(summary.getCell('C3').value).toBe('基本公共卫生服务');
    expect(summary.getCell('B5').value).toMatchObject({ formula: `HYPERLINK("#'文化项目'!B22","文化项目")` });

    const plan = planWrites(report, 'check');
    for (const ws of original.worksheets) {
      const mergesOf = ws.model.merges;
      const touched = new Set<string>();
      for (const e of plan.edits.filter((x) => x.sheet === ws.name)) {
        touched.add(e.cell);
        const area = mergesOf.find((m) => m.split(':')[0] === e.cell);
        if (area) cellsOfRange(area).forEach((c) => touched.add(c));
      }
      const a = snapshotSheet(ws);
      const b = snapshotSheet(scored.getWorksheet(ws.name)!);
      for (const [addr, snap] of a) {
        if (touched.has(addr)) continue;
        expect({ sheet: ws.name, addr, ...b.get(addr) }).toEqual({ sheet: ws.name, addr, ...snap });
      }
    }
    // The rate of 养老服务 is still a formula.
    expect(scored.getWorksheet('养老服务')!.getCell('H6').value).toMatchObject({ formula: 'F6/E6' });
  });

  it('exits 1 with --fail-on error, and with --fail-on warning for the seed form (warnings only)', async () => {
    expect((await run(['--no-write', '--fail-on', 'error', MULTI_FILE], dir)).code).toBe(1);
    expect((await run(['--no-write', '--fail-on', 'error', SEED_FILE], dir)).code).toBe(0);
    expect((await run(['--no-write', '--fail-on', 'warning', SEED_FILE], dir)).code).toBe(1);
  });
});

describe('bad files in a batch', () => {
  it('names each bad file on one line, exits 2, and still scores the good files', async () => {
    const dir = tempDir();
    const inbox = path.join(dir, '收件箱');
    fs.mkdirSync(inbox);
    await writeSamples(inbox);
    const bad = await badFiles();
    for (const b of bad) fs.writeFileSync(path.join(inbox, b.name.replace(/\.xls$/, '.xlsx')), b.bytes);
    fs.writeFileSync(path.join(inbox, '会议纪要.xlsx'), await noFormWorkbook());
    const before = new Map(fs.readdirSync(inbox).map((f) => [f, sha(path.join(inbox, f))]));

    const r = await run(['--json', '收件箱'], dir);
    expect(r.code).toBe(2);
    const errLines = r.err.split('\n').filter((l) => l !== '');
    expect(errLines).toHaveLength(bad.length + 1);
    for (const b of bad) {
      const name = b.name.replace(/\.xls$/, '.xlsx');
      const line = errLines.find((l) => l.includes(name));
      expect({ name, line: line !== undefined }).toEqual({ name, line: true });
      expect(line).toMatch(b.zh);
      expect(line).toMatch(/^无法读取 .+：.+ \/ cannot read .+: /);
      expect(line).not.toMatch(/\bbug\b/i); // JSZip's wording stays out
    }
    expect(errLines.find((l) => l.includes('会议纪要.xlsx'))).toMatch(/未找到自评表/);

    // One JSON line per input, bad ones included; nothing else on stdout.
    const all = reports(r.out);
    expect(all).toHaveLength(bad.length + 3);
    expect(all.find((x) => x.source === SEED_FILE)!.forms).toHaveLength(1);
    expect(all.find((x) => x.source === MULTI_FILE)!.forms).toHaveLength(4);
    expect(all.find((x) => x.source === '会议纪要.xlsx')!.errors[0].code).toBe('FORM_NOT_FOUND');
    expect(all.find((x) => x.source === '有密码.xlsx')!.errors[0].code).toBe('FILE_UNREADABLE');

    // The good ones are scored; nothing is written for the bad ones; no input changed.
    const after = fs.readdirSync(inbox).sort();
    expect(after.filter((f) => f.endsWith('.scored.xlsx')).sort()).toEqual(
      [scoredName(SEED_FILE), scoredName(MULTI_FILE)].sort(),
    );
    for (const [f, h] of before) expect({ f, h: sha(path.join(inbox, f)) }).toEqual({ f, h });
  });

  it('says so for a missing path and an empty folder, and goes on', async () => {
    const dir = tempDir();
    await writeSamples(dir);
    fs.mkdirSync(path.join(dir, '空'));
    const r = await run(['没有这个文件.xlsx', '空', SEED_FILE], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('没有这个文件.xlsx：文件或文件夹不存在');
    expect(r.err).toContain('空：文件夹中没有 .xlsx 文件');
    expect(fs.existsSync(path.join(dir, scoredName(SEED_FILE)))).toBe(true);
  });
});

describe('outputs', () => {
  it('refuses to overwrite an output without --force', async () => {
    const dir = tempDir();
    const { seed } = await writeSamples(dir);
    expect((await run([SEED_FILE], dir)).code).toBe(0);
    const out = scoredName(seed);
    fs.writeFileSync(out, 'mine');
    const again = await run([SEED_FILE], dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain(`输出文件已存在 ${path.basename(out)}`);
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
    expect((await run(['--force', SEED_FILE], dir)).code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('never overwrites an input, not even with --force', async () => {
    const dir = tempDir();
    const { seed } = await writeSamples(dir);
    // The second input is the first one's output: scoring the first must not replace it.
    const scoredCopy = scoredName(seed);
    fs.copyFileSync(seed, scoredCopy);
    const before = sha(scoredCopy);
    const r = await run(['--force', SEED_FILE, path.basename(scoredCopy)], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('是本批的一个输入文件，未写出');
    expect(sha(scoredCopy)).toBe(before);
    // A summary pointed at an input is refused before anything is read.
    const s = await run(['--force', '--summary', SEED_FILE, SEED_FILE], dir);
    expect(s.code).toBe(2);
    expect(s.err).toContain('是本批的一个输入文件，不能覆盖');
    expect(fs.readFileSync(seed).equals((await sampleBytes()).seed)).toBe(true);
  });

  it('walks folders (sub-folders with --recursive) into --out, skipping outputs and lock files', async () => {
    const dir = tempDir();
    const inbox = path.join(dir, 'in');
    fs.mkdirSync(path.join(inbox, '二级单位'), { recursive: true });
    const { seed, multi } = await sampleBytes();
    fs.writeFileSync(path.join(inbox, 'a.xlsx'), seed);
    fs.writeFileSync(path.join(inbox, '二级单位', 'b.xlsx'), multi);
    fs.writeFileSync(path.join(inbox, 'old.scored.xlsx'), seed);
    fs.writeFileSync(path.join(inbox, '~$a.xlsx'), 'lock');

    const flat = await run(['--json', '--no-write', 'in'], dir);
    expect(reports(flat.out).map((x) => x.source)).toEqual(['a.xlsx']);

    const deep = await run(['-R', '--out', 'out', 'in'], dir);
    expect(deep.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'out', 'a.scored.xlsx'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'out', '二级单位', 'b.scored.xlsx'))).toBe(true);
    expect(fs.readdirSync(inbox).sort()).toEqual(
      ['a.xlsx', 'old.scored.xlsx', '~$a.xlsx', '二级单位'].sort(),
    );
    expect(deep.out).toContain('in/二级单位/b.xlsx');
    expect(deep.out).toContain('共 2 个文件、5 张自评表');
  });

  it('writes the batch summary as CSV (UTF-8 with BOM) and as .xlsx linking to the scored copies', async () => {
    const dir = tempDir();
    await writeSamples(dir);
    const r = await run(['--out', '结果', '--summary', '汇总.csv', SEED_FILE, MULTI_FILE], dir);
    expect(r.code).toBe(0);
    const csv = fs.readFileSync(path.join(dir, '汇总.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['文件', '工作表', '项目名称']);
    expect(lines).toHaveLength(1 + 5);
    expect(lines[1]).toContain(
      '计生特殊家庭帮扶及权益维护,元,991403.00,965043.97,97.34%,9.73,99.43,99.73,优',
    );

    const x = await run(['--out', '结果', '--force', '--summary', '汇总.xlsx', SEED_FILE, MULTI_FILE], dir);
    expect(x.code).toBe(0);
    const wb = await fromBytes(fs.readFileSync(path.join(dir, '汇总.xlsx')));
    const ws = wb.getWorksheet('评分汇总')!;
    expect(ws.rowCount).toBe(6);
    expect(ws.getCell('A2').value).toMatchObject({
      formula: `HYPERLINK("结果/${scoredName(SEED_FILE)}#'自评表'!A1","${SEED_FILE}")`,
    });
    expect(ws.getCell('D2').value).toBe('元');
    expect(ws.getCell('E2').value).toBe(991403);

    const refused = await run(['--summary', '汇总.csv', SEED_FILE], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('汇总文件已存在');
  });

  it('the summary: a unit column, a 提示 count, printed ≠ computed highlighted, files in natural order', async () => {
    const dir = tempDir();
    const { seed, multi } = await sampleBytes();
    for (const name of ['单位10.xlsx', '单位2.xlsx', '单位1.xlsx'])
      fs.writeFileSync(path.join(dir, name), seed);
    fs.writeFileSync(path.join(dir, '单位3.xlsx'), multi);
    const r = await run(['--no-write', '--summary', '汇总.xlsx', '.'], dir);
    expect(r.code).toBe(0);
    const ws = (await fromBytes(fs.readFileSync(path.join(dir, '汇总.xlsx')))).getWorksheet('评分汇总')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual([
      '文件',
      '工作表',
      '项目名称',
      '金额单位',
      '全年预算数',
      '全年执行数',
    ]);
    expect(header.slice(-3)).toEqual(['错误', '警告', '提示']);
    const files = [2, 3, 4, 5, 6, 7, 8].map((row) => ws.getCell(`A${row}`).value);
    expect(files).toEqual([
      '单位1.xlsx',
      '单位2.xlsx',
      '单位3.xlsx',
      '单位3.xlsx',
      '单位3.xlsx',
      '单位3.xlsx',
      '单位10.xlsx',
    ]);
    // The multi-form workbook states its first form in 万元, its second in 元.
    expect(ws.getCell('D4').value).toBe('万元');
    expect(ws.getCell('D5').value).toBe('元');
    // The seed form's info findings counted (budget adjusted, rate display…); printed total 99.43, computed 99.73.
    const [seedReport] = reports((await run(['--json', '单位1.xlsx'], dir)).out);
    const infos = seedReport.forms[0].findings.filter((f) => f.severity === 'info').length;
    expect(infos).toBeGreaterThan(0);
    expect(ws.getCell('N2').value).toBe(infos);
    expect(ws.getCell('I2').value).toBe(99.43);
    expect(ws.getCell('I2').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(ws.getCell('J2').fill).not.toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
  });
});
