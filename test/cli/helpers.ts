// Running the command line in-process on workbooks the tests generate, with stdout/stderr captured.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { buildMultiWorkbook, buildSeedWorkbook, MULTI_FILE, SEED_FILE } from '../fixtures/examples';
import { toBytes } from '../xlsx/helpers';

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function run(args: string[], cwd: string, opts: { tty?: boolean } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (out += s), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => (err += s), isTTY: opts.tty ?? false, columns: 100 },
    cwd,
  });
  return { code, out, err };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-cli-'));
}

let seedBytes: Buffer | null = null;
let multiBytes: Buffer | null = null;

/** The seed form and the multi-form workbook, as the tests generate them. */
export async function sampleBytes(): Promise<{ seed: Buffer; multi: Buffer }> {
  seedBytes ??= await toBytes(buildSeedWorkbook().workbook);
  multiBytes ??= await toBytes(buildMultiWorkbook().workbook);
  return { seed: seedBytes, multi: multiBytes };
}

export async function writeSamples(dir: string): Promise<{ seed: string; multi: string }> {
  const { seed, multi } = await sampleBytes();
  const s = path.join(dir, SEED_FILE);
  const m = path.join(dir, MULTI_FILE);
  fs.writeFileSync(s, seed);
  fs.writeFileSync(m, multi);
  return { seed: s, multi: m };
}

export function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function scoredName(file: string): string {
  return file.replace(/\.xlsx$/i, '.scored.xlsx');
}
