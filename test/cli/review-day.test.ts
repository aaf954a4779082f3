// The command line as a reviewer reads it: usage errors in the language of --lang, the grade in English, every
// value written listed, n/N on a terminal, --quiet.
import * as fs from 'fs';
import * as path from 'path';
import { SEED_FILE } from '../fixtures/examples';
import { run, tempDir, writeSamples } from './helpers';

describe('usage errors speak the language of --lang', () => {
  it('unknown option', async () => {
    const dir = tempDir();
    const en = await run(['--lang', 'en', '--bogus', 'a.xlsx'], dir);
    expect(en.code).toBe(2);
    expect(en.err).toBe('error: unknown option --bogus (see --help)\n');
    const zh = await run(['--bogus', '--lang=zh-CN', 'a.xlsx'], dir);
    expect(zh.err).toBe('错误：未知选项 --bogus（使用 --help 查看用法）\n');
    // No --lang: both, Chinese first.
    const both = await run(['--forse', 'a.xlsx'], dir);
    expect(both.err).toBe(
      '错误：未知选项 --forse（是否要用 --force？）（使用 --help 查看用法）\n' +
        'error: unknown option --forse (did you mean --force?) (see --help)\n',
    );
  });

  it('invalid choice, missing value, missing input', async () => {
    const dir = tempDir();
    const mode = await run(['--lang', 'en', '--mode', 'fix', 'a.xlsx'], dir);
    expect(mode.code).toBe(2);
    expect(mode.err).toBe(
      'error: option -m, --mode <mode>: "fix" is not allowed; choose one of check, fill, correct (see --help)\n',
    );
    const zhMode = await run(['--lang', 'zh-CN', '--mode', 'fix', 'a.xlsx'], dir);
    expect(zhMode.err).toBe(
      '错误：选项 -m, --mode <mode> 的取值“fix”无效，可选：check, fill, correct（使用 --help 查看用法）\n',
    );
    const out = await run(['a.xlsx', '--lang', 'en', '--out'], dir);
    expect(out.code).toBe(2);
    expect(out.err).toBe('error: option -o, --out <dir> needs a value (see --help)\n');
    const none = await run(['--lang', 'zh-CN'], dir);
    expect(none.code).toBe(2);
    expect(none.err).toBe('错误：缺少要评分的文件或文件夹（使用 --help 查看用法）\n');
    // No English of commander's own left.
    expect(`${zhMode.err}${none.err}`).not.toMatch(/argument|Allowed|missing/);
  });
});

describe('text output', () => {
  it('translates the grade in English output', async () => {
    const dir = tempDir();
    await writeSamples(dir);
    const en = await run(['--lang', 'en', '--no-write', SEED_FILE], dir);
    expect(en.out).toMatch(/grade excellent \(优\)/);
    const zh = await run(['--no-write', SEED_FILE], dir);
    expect(zh.out).toMatch(/等级 优\n/);
  });

  it('lists every value written by 改正: cell, old → new', async () => {
    const dir = tempDir();
    await writeSamples(dir);
    // The sample's 9.7 is an explained self-deduction that 改正 keeps by default: a rulebook with that off writes.
    fs.writeFileSync(path.join(dir, 'strict.json'), '{"reasons":{"acceptExplainedDeduction":false}}');
    const r = await run(['--mode', 'correct', '--rulebook', 'strict.json', SEED_FILE], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/写入 \d+ 个数值（原值 → 新值）：/);
    expect(r.out).toMatch(/^ {6}H21 +99\.43 → 99\.73$/m);
    const en = await run(['--mode', 'fill', '--lang', 'en', '--no-write', SEED_FILE], dir);
    expect(en.out).not.toMatch(/written \(old → new\)/);
  });

  it('shows n/N before each file of a batch on a terminal', async () => {
    const dir = tempDir();
    await writeSamples(dir);
    const tty = await run(['--no-write', '.'], dir, { tty: true });
    expect(tty.out).toMatch(/^\[1\/2\] /m);
    expect(tty.out).toMatch(/^\[2\/2\] /m);
    const piped = await run(['--no-write', '.'], dir);
    expect(piped.out).not.toMatch(/^\[1\/2\]/m);
  });

  it('--quiet prints only errors and the final line', async () => {
    const dir = tempDir();
    await writeSamples(dir);
    fs.writeFileSync(path.join(dir, '坏.xlsx'), 'not a zip');
    const r = await run(['--quiet', '--no-write', '.'], dir, { tty: true });
    expect(r.code).toBe(2);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.out).toMatch(/^共 2 个文件、\d+ 张自评表/);
    expect(r.err).toMatch(/坏\.xlsx/);
    expect(r.err).not.toContain('█');
  });
});
