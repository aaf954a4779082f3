// The command as users run it: built with tsc -p tsconfig.node.json, started through bin/selfeval.js in a
// child process, on the committed sample. stdout with --json holds the report and nothing else.
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/core';
import { SEED_FILE } from '../fixtures/examples';
import { tempDir } from './helpers';

const root = path.resolve(__dirname, '..', '..');

beforeAll(() => {
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.node.json'],
    {
      cwd: root,
      stdio: 'pipe',
    },
  );
}, 120000);

describe('bin/selfeval.js', () => {
  it('scores the bundled sample: one JSON line on stdout, exit 0, the input untouched', () => {
    const dir = tempDir();
    const input = path.join(dir, SEED_FILE);
    fs.copyFileSync(path.join(root, 'examples', SEED_FILE), input);
    const before = fs.readFileSync(input);
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'selfeval.js'), '--json', SEED_FILE], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]) as Report;
    expect(report.forms[0].funds.rate.computed).toBe('97.34');
    expect(report.forms[0].total.computed).toBe('99.73');
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(dir, SEED_FILE.replace(/\.xlsx$/, '.scored.xlsx')))).toBe(true);
  });

  it('exits 2 with a one-line message for a file that is not a workbook', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '坏.xlsx'), 'not a zip');
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'selfeval.js'), '坏.xlsx'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('无法读取 坏.xlsx');
    expect(r.stdout).toBe('');
  });

  it('two processes started together on the same output: one writes it, the other says it exists', async () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(root, 'examples', SEED_FILE), path.join(dir, SEED_FILE));
    const once = (): Promise<{ status: number | null; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [path.join(root, 'bin', 'selfeval.js'), SEED_FILE], {
          cwd: dir,
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });
    const runs = await Promise.all([once(), once()]);
    expect(runs.map((r) => r.status).sort()).toEqual([0, 2]);
    const shown = SEED_FILE.replace(/\.xlsx$/, '.scored.xlsx');
    expect(runs.filter((r) => r.stdout.includes(`已写出 ${shown}`))).toHaveLength(1);
    expect(runs.filter((r) => r.stderr.includes(`输出文件已存在 ${shown}`))).toHaveLength(1);
    expect(fs.readdirSync(dir).sort()).toEqual([SEED_FILE, shown].sort());
  });
});
