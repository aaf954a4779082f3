// Nothing lost, nothing hung, nothing injected: a zip bomb among good files, formula-looking names in the CSV
// summary, two runs writing the same outputs at once, what a folder walk leaves out, long names and .xlsm inputs.
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/core';
import { summaryCsv, neutraliseCsvCell } from '../../src/cli/batch-summary';
import { setXlsxLimits } from '../../src/hosts/xlsx/load';
import { MULTI_FILE, SEED_FILE } from '../fixtures/examples';
import { writeForm } from '../fixtures/form-excel';
import { SEED_FORM } from '../fixtures/shanghai';
import { deflated, rezipSeed, zipBomb } from '../xlsx/bad-files';
import { toBytes } from '../xlsx/helpers';
import { run, sampleBytes, scoredName, tempDir, writeSamples } from './helpers';

function reports(out: string): Report[] {
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Report);
}

function csvRows(file: string): string[] {
  return fs.readFileSync(file, 'utf8').slice(1).trimEnd().split('\r\n');
}

describe('a zip bomb in the middle of a batch', () => {
  it('is refused by name and reason; every other file is scored and the summary is written', async () => {
    const dir = tempDir();
    const inbox = path.join(dir, '收件箱');
    fs.mkdirSync(inbox);
    const { seed, multi } = await sampleBytes();
    fs.writeFileSync(path.join(inbox, 'a-自评表.xlsx'), seed);
    fs.writeFileSync(path.join(inbox, 'b-炸弹.xlsx'), await zipBomb(2 * 1024 ** 3)); // 2 MB, 2 GiB inflated
    fs.writeFileSync(path.join(inbox, 'c-多项目.xlsx'), multi);

    const r = await run(['--summary', '汇总.csv', '收件箱'], dir);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^无法读取 收件箱\/b-炸弹\.xlsx：文件疑似“压缩炸弹”.*压缩比 \d+:1.* \/ cannot read 收件箱\/b-炸弹\.xlsx: the file looks like a zip bomb/,
      ),
    ]);
    expect(fs.existsSync(path.join(inbox, 'a-自评表.scored.xlsx'))).toBe(true);
    expect(fs.existsSync(path.join(inbox, 'c-多项目.scored.xlsx'))).toBe(true);
    expect(fs.existsSync(path.join(inbox, 'b-炸弹.scored.xlsx'))).toBe(false);
    expect(csvRows(path.join(dir, '汇总.csv'))).toHaveLength(1 + 5);
    expect(r.out).toContain('汇总表已写出：汇总.csv');
    expect(r.out).toContain('共 2 个文件、5 张自评表');
    expect(r.out).toContain('1 个输入未能处理');

    // With --json the bomb has its own line, like any unreadable file.
    const j = await run(['--json', '--no-write', '收件箱'], dir);
    const lines = reports(j.out);
    expect(lines.map((x) => x.source)).toEqual(['a-自评表.xlsx', 'b-炸弹.xlsx', 'c-多项目.xlsx']);
    expect(lines[1].errors[0]).toMatchObject({ code: 'FILE_UNREADABLE' });
    expect(lines[1].errors[0].messageEn).toMatch(/zip bomb/);
  });

  it('refuses a workbook past the cell limit the same way (limits lowered for the test)', async () => {
    const dir = tempDir();
    await writeSamples(dir);
    // The seed has about 430 cells by the estimate, the multi-form workbook about 1500: a limit between the two.
    const previous = setXlsxLimits({ maxCells: 1000 });
    let r;
    try {
      r = await run(['--summary', '汇总.csv', SEED_FILE, MULTI_FILE], dir);
    } finally {
      setXlsxLimits(previous);
    }
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      new RegExp(`^无法读取 ${MULTI_FILE}：文件过大.*工作表约有 \\d+ 个单元格.*上限 1000 个.* / cannot read`),
    );
    expect(fs.existsSync(path.join(dir, scoredName(SEED_FILE)))).toBe(true);
    expect(csvRows(path.join(dir, '汇总.csv'))).toHaveLength(2);
  });
});

describe('CSV formula injection', () => {
  const NAMES = ['=HYPERLINK("http://example.com/x","点此")', "=cmd|' /C calc'!A0", '@SUM(1)', '+1', '-1+1'];

  it('neutralises cells that a spreadsheet would run, keeps plain numbers as numbers', () => {
    expect(NAMES.map(neutraliseCsvCell)).toEqual(NAMES.map((n) => `'${n}`));
    expect(neutraliseCsvCell('\t=1+1')).toBe("'\t=1+1");
    expect(neutraliseCsvCell('\r=1+1')).toBe("'\r=1+1");
    // How the report writes numbers: a negative amount stays a number.
    for (const n of ['-1200.00', '991403.00', '97.34%', '-3.5%', '0']) expect(neutraliseCsvCell(n)).toBe(n);
    expect(neutraliseCsvCell('计生特殊家庭帮扶')).toBe('计生特殊家庭帮扶');
    const csv = summaryCsv({
      name: 't',
      header: ['项目名称', '全年预算数', '错误'],
      rows: [{ values: ['=1+2', '-1200.00', -3] }, { values: ['a,"b"', null, 0] }],
      widths: [],
      columns: [{ kind: 'text' }, { kind: 'number' }, { kind: 'number' }],
    });
    expect(csv).toBe(`\uFEFF项目名称,全年预算数,错误\r\n'=1+2,-1200.00,-3\r\n"a,""b""",,0\r\n`);
  });

  it('writes formula-looking project and file names as text in --summary x.csv', async () => {
    const dir = tempDir();
    for (const [i, project] of NAMES.entries()) {
      const wb = new ExcelJS.Workbook();
      writeForm(wb.addWorksheet('自评表'), { ...SEED_FORM, project }, 1, 1);
      fs.writeFileSync(path.join(dir, `${i}.xlsx`), await toBytes(wb));
    }
    fs.writeFileSync(path.join(dir, '=1+1.xlsx'), (await sampleBytes()).seed);
    const r = await run(['--no-write', '--summary', 'x.csv', '.'], dir);
    expect(r.code).toBe(0);
    const rows = csvRows(path.join(dir, 'x.csv')).slice(1);
    expect(rows).toHaveLength(NAMES.length + 1);
    for (const row of rows) {
      // No field starts with a character that makes a formula, quoted or not.
      for (const field of row.match(/("([^"]|"")*"|[^,]*)(?=,|$)/g)!.filter((f) => f !== '')) {
        expect({ row, field: field.replace(/^"/, '') }).not.toEqual({
          row,
          field: expect.stringMatching(/^[=+@\t\r]|^-(?!\d+(\.\d+)?%?$)/),
        });
      }
    }
    expect(rows[0]).toMatch(/^'=1\+1\.xlsx,自评表,计生特殊家庭帮扶及权益维护,元,991403\.00,/);
    expect(rows.some((x) => x.includes(`,"'=HYPERLINK(""http://example.com/x"",""点此"")",`))).toBe(true);
    expect(rows.some((x) => x.includes(`,'=cmd|' /C calc'!A0,`))).toBe(true);
    expect(rows.some((x) => x.includes(`,'@SUM(1),`))).toBe(true);
    expect(rows.some((x) => x.includes(`,'+1,`))).toBe(true);
    expect(rows.some((x) => x.includes(`,'-1+1,`))).toBe(true);
  });
});

describe('concurrent runs and exclusive outputs', () => {
  it('two runs at once on the same outputs: one writes each file, the other says it exists', async () => {
    const dir = tempDir();
    await writeSamples(dir);
    const args = ['--out', '结果', '--summary', '结果/汇总.csv', SEED_FILE, MULTI_FILE];
    const [a, b] = await Promise.all([run(args, dir), run(args, dir)]);
    const all = a.out + b.out;
    const errs = a.err + b.err;
    for (const file of [SEED_FILE, MULTI_FILE]) {
      const shown = `结果/${scoredName(file)}`;
      expect(all.split(`已写出 ${shown}`).length - 1).toBe(1);
      expect(errs.split(`输出文件已存在 ${shown}`).length - 1).toBe(1);
    }
    expect(all.split('汇总表已写出').length - 1).toBe(1);
    expect(errs).toContain('汇总文件已存在：结果/汇总.csv');
    // Which run wins which file is up to the scheduler; the loser of any exits 2.
    expect([a.code, b.code]).toContain(2);
    // What was written is whole, and no temporary file is left behind.
    expect(fs.readdirSync(path.join(dir, '结果')).sort()).toEqual(
      [scoredName(MULTI_FILE), scoredName(SEED_FILE), '汇总.csv'].sort(),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(dir, '结果', scoredName(SEED_FILE))) as never);
    expect(wb.getWorksheet('审核意见')).toBeDefined();
    expect(csvRows(path.join(dir, '结果', '汇总.csv'))).toHaveLength(6);
  });

  it('with --force the later run replaces the file in one rename', async () => {
    const dir = tempDir();
    await writeSamples(dir);
    const [a, b] = await Promise.all([run(['--force', SEED_FILE], dir), run(['--force', SEED_FILE], dir)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(
      fs
        .readFileSync(path.join(dir, scoredName(SEED_FILE)))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('refuses --summary naming one of the run’s own scored copies, even with --force', async () => {
    const dir = tempDir();
    await writeSamples(dir);
    const own = scoredName(SEED_FILE);
    const r = await run(['--force', '--summary', own, SEED_FILE, MULTI_FILE], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--summary ${own} 是本批 ${SEED_FILE} 的评分副本的文件名`);
    expect(fs.existsSync(path.join(dir, own))).toBe(false);
    const out = await run(
      ['--force', '--out', 'o', '--summary', `o/${scoredName(MULTI_FILE)}`, MULTI_FILE],
      dir,
    );
    expect(out.code).toBe(2);
    expect(out.err).toContain('评分副本的文件名');
    // Without scored copies (--no-write) the name is free.
    expect((await run(['--no-write', '--summary', own, SEED_FILE], dir)).code).toBe(0);
  });
});

describe('what a folder walk leaves out is named', () => {
  it('names other spreadsheets, links and sub-folders at the end (stdout, or stderr under --json)', async () => {
    const dir = tempDir();
    const inbox = path.join(dir, 'in');
    fs.mkdirSync(path.join(inbox, '二级单位'), { recursive: true });
    const { seed } = await sampleBytes();
    fs.writeFileSync(path.join(inbox, 'a.xlsx'), seed);
    fs.writeFileSync(path.join(inbox, '二级单位', 'b.xlsx'), seed);
    for (const f of ['旧表.xls', '表.ods', '导出.csv', '宏.xlsm', 'WPS.et'])
      fs.writeFileSync(path.join(inbox, f), 'x');
    fs.writeFileSync(path.join(inbox, '说明.docx'), 'x');
    fs.writeFileSync(path.join(inbox, '.DS_Store'), 'x');
    fs.writeFileSync(path.join(inbox, 'Thumbs.db'), 'x');
    fs.writeFileSync(path.join(dir, 'elsewhere.xlsx'), seed);
    fs.symlinkSync(path.join(dir, 'elsewhere.xlsx'), path.join(inbox, '链接.xlsx'));
    fs.symlinkSync(path.join(dir, 'gone.xlsx'), path.join(inbox, '断链.xlsx'));

    const r = await run(['--no-write', 'in'], dir);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const tail = r.out.slice(r.out.indexOf('已跳过')).trimEnd().split('\n');
    expect(tail).toEqual([
      '已跳过 8 项（未评分）/ 8 skipped (not scored):',
      expect.stringMatching(/^ {2}in\/WPS\.et：WPS 表格格式.* \/ a WPS spreadsheet/),
      expect.stringMatching(
        /^ {2}in\/二级单位\/：子文件夹，加 --recursive .* \/ a sub-folder; add --recursive/,
      ),
      expect.stringMatching(/^ {2}in\/宏\.xlsm：含宏的工作簿.* \/ a macro-enabled workbook/),
      expect.stringMatching(/^ {2}in\/导出\.csv：文本表格（\.csv）.* \/ a text table/),
      expect.stringMatching(/^ {2}in\/断链\.xlsx：链接指向的文件不存在 \/ a broken link/),
      expect.stringMatching(/^ {2}in\/旧表\.xls：旧版 \.xls 格式.* \/ old \.xls format/),
      expect.stringMatching(/^ {2}in\/表\.ods：OpenDocument 表格.* \/ an OpenDocument spreadsheet/),
      expect.stringMatching(/^ {2}in\/链接\.xlsx：符号链接，不跟随.* \/ a symbolic link, not followed/),
      '  另有 1 个其他文件（不是表格），未处理 / and 1 other file(s) (not spreadsheets), left alone',
    ]);

    // --json: stdout stays one report per line; the list goes to stderr. -R walks the sub-folder instead.
    const j = await run(['--json', '--no-write', '-R', 'in'], dir);
    expect(reports(j.out).map((x) => x.source)).toEqual(['a.xlsx', '二级单位/b.xlsx']);
    expect(j.err.split('\n')[0]).toBe('已跳过 7 项（未评分）/ 7 skipped (not scored):');
    expect(j.err).not.toContain('二级单位/：');
    expect(j.code).toBe(0);
  });

  it('names them too when the folder holds no .xlsx at all', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'in'));
    fs.writeFileSync(path.join(dir, 'in', '旧表.xls'), 'x');
    const r = await run(['in'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('in：文件夹中没有 .xlsx 文件');
    expect(r.out).toContain('in/旧表.xls：旧版 .xls 格式');
  });
});

describe('names and kinds', () => {
  it('writes an output whose name is near 255 bytes; says clearly when it would pass 255', async () => {
    const dir = tempDir();
    const { seed } = await sampleBytes();
    const fits = `${'评'.repeat(80)}.xlsx`; // output name: 240 + 12 = 252 bytes
    const over = `${'评'.repeat(83)}.xlsx`; // input 254 bytes, output 261
    fs.writeFileSync(path.join(dir, fits), seed);
    fs.writeFileSync(path.join(dir, over), seed);
    const r = await run([fits, over], dir);
    expect(fs.existsSync(path.join(dir, scoredName(fits)))).toBe(true);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([
      `${over}：输出文件名过长（261 字节，文件系统上限 255），未写出；请缩短输入文件名 / ` +
        `${over}: the output's name is too long (261 bytes; file systems allow 255), not written; shorten the input's name`,
    ]);
    expect(r.err).not.toContain('ENAMETOOLONG');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says that the macros of an .xlsm are not in its scored .xlsx copy', async () => {
    const dir = tempDir();
    const xlsm = await rezipSeed(undefined, [deflated('xl/vbaProject.bin', new Uint8Array([1, 2, 3]))]);
    fs.writeFileSync(path.join(dir, '带宏.xlsm'), xlsm);
    const r = await run(['带宏.xlsm'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('→ 已写出 带宏.scored.xlsx');
    expect(r.out).toContain('注意：原文件含宏，评分副本是 .xlsx，不含宏（原文件未改动）');
    const en = await run(['--lang', 'en', '--force', '带宏.xlsm'], dir);
    expect(en.out).toContain('note: the original holds macros; the scored copy is an .xlsx without them');
    const j = await run(['--json', '--force', '带宏.xlsm'], dir);
    expect(j.err).toContain('带宏.xlsm：原文件含宏');
    expect(reports(j.out)).toHaveLength(1);
    // An .xlsx without a VBA project says nothing of the kind.
    await writeSamples(dir);
    expect((await run([SEED_FILE], dir)).out).not.toContain('含宏');
  });
});
