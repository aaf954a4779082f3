// Benchmark of the xlsx host (run: npm run bench:xlsx [forms] [runs]): a generated workbook of 100 forms
// (25 sheets, 4 forms stacked on each), read with ExcelJS into grids, scored by the core, and written back as a
// scored copy. Prints forms per second and how the time splits between reading, scoring and writing.
import ExcelJS from 'exceljs';
import { performance } from 'perf_hooks';
import { planWrites, reviewTable, scoreSheets, summaryTable } from '../src/core';
import { applyWritePlan, loadWorkbook, workbookBytes, workbookToGrids } from '../src/hosts/xlsx';
import { FORM_CULTURE, FORM_ELDERLY, FORM_HEALTH, FORM_HERITAGE } from '../test/fixtures/examples';
import { writeForm } from '../test/fixtures/form-excel';
import { SEED_FORM } from '../test/fixtures/shanghai';

const SPECS = [SEED_FORM, FORM_ELDERLY, FORM_HEALTH, FORM_CULTURE, FORM_HERITAGE];

export async function buildBytes(forms: number, perSheet: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  let ws: ExcelJS.Worksheet | null = null;
  let row = 1;
  for (let i = 0; i < forms; i++) {
    if (i % perSheet === 0) {
      ws = wb.addWorksheet(`表${Math.floor(i / perSheet) + 1}`);
      row = 1;
    }
    const cells = writeForm(ws!, { ...SPECS[i % SPECS.length], project: `项目${i + 1}` }, row, 1);
    row = cells.bottom + 3;
  }
  return workbookBytes(wb);
}

interface Timing {
  read: number;
  score: number;
  write: number;
  forms: number;
  outBytes: number;
}

async function once(bytes: Uint8Array): Promise<Timing> {
  const t0 = performance.now();
  const wb = await loadWorkbook(bytes);
  const grids = workbookToGrids(wb);
  const t1 = performance.now();
  const report = scoreSheets(grids, { source: 'bench.xlsx' });
  const t2 = performance.now();
  const plan = planWrites(report, 'check');
  applyWritePlan(wb, plan, [reviewTable(report), summaryTable(report)]);
  const out = await workbookBytes(wb);
  const t3 = performance.now();
  return { read: t1 - t0, score: t2 - t1, write: t3 - t2, forms: report.forms.length, outBytes: out.length };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function mainBench(): Promise<void> {
  const forms = Number(process.argv[2] ?? 100);
  const runs = Number(process.argv[3] ?? 3);
  const bytes = await buildBytes(forms, 4);
  await once(bytes); // warm-up (JIT, module loading)
  const timings: Timing[] = [];
  for (let i = 0; i < runs; i++) timings.push(await once(bytes));
  const read = median(timings.map((t) => t.read));
  const score = median(timings.map((t) => t.score));
  const write = median(timings.map((t) => t.write));
  const total = read + score + write;
  const found = timings[0].forms;
  const pct = (x: number): string => `${((x / total) * 100).toFixed(0)}%`;
  const ms = (x: number): string => `${x.toFixed(0)} ms`;
  console.log(
    `xlsx host benchmark: ${found} forms found of ${forms} written, ${(bytes.length / 1024).toFixed(0)} KiB in,`,
  );
  console.log(
    `  ${(timings[0].outBytes / 1024).toFixed(0)} KiB out; median of ${runs} runs after one warm-up (Node ${process.version})`,
  );
  console.log(`  read  (ExcelJS load + grids) ${ms(read).padStart(8)}  ${pct(read).padStart(4)}`);
  console.log(`  score (core)                 ${ms(score).padStart(8)}  ${pct(score).padStart(4)}`);
  console.log(`  write (plan, apply, save)    ${ms(write).padStart(8)}  ${pct(write).padStart(4)}`);
  console.log(`  read + score: ${((found / (read + score)) * 1000).toFixed(0)} forms/s`);
  console.log(`  read + score + write: ${((found / total) * 1000).toFixed(0)} forms/s`);
  console.log(
    `  ratio read : score : write = ${(read / score).toFixed(1)} : 1 : ${(write / score).toFixed(1)}`,
  );
}

if (require.main === module) {
  mainBench().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
