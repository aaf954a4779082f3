// Builds the sample workbooks in examples/ (run: npm run examples).
// - examples/2021-计生特殊家庭帮扶及权益维护.xlsx: the Shanghai 2021 form (shared/seed/form-2021-shanghai.txt)
//   laid out like the printed form, with the numbers as printed.
// - examples/多项目汇总-2022.xlsx: four forms (two on sheets of their own, two stacked on one sheet) with a few
//   deliberate mistakes, and an instructions sheet without a form.
// The workbooks are built by test/fixtures/examples.ts, which the tests use too, so what is committed can always
// be rebuilt.
import type ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import { loadWorkbook, workbookBytes } from '../src/hosts/xlsx';
import { workbookToModel } from '../src/harness/xlsx-model';
import { buildMultiWorkbook, buildSeedWorkbook, MULTI_FILE, SEED_FILE } from '../test/fixtures/examples';

/** What a rebuild compares: the workbook as the model sees it, plus merges and row heights per sheet. */
function fingerprint(wb: ExcelJS.Workbook): unknown {
  return {
    model: workbookToModel(wb, ''),
    sheets: wb.worksheets.map((ws) => {
      const heights: (number | undefined)[] = [];
      ws.eachRow({ includeEmpty: true }, (row, n) => (heights[n] = row.height));
      return { merges: [...ws.model.merges].sort(), heights, pageSetup: ws.pageSetup };
    }),
  };
}

/**
 * Write both sample workbooks into `dir`. A file whose content is already what the script builds is left alone:
 * .xlsx zips carry the time they were written, so rewriting would change the bytes of an unchanged workbook.
 */
export async function writeExamples(dir: string): Promise<{ file: string; written: boolean }[]> {
  fs.mkdirSync(dir, { recursive: true });
  const out: { file: string; written: boolean }[] = [];
  for (const [name, build] of [
    [SEED_FILE, buildSeedWorkbook],
    [MULTI_FILE, buildMultiWorkbook],
  ] as const) {
    const file = path.join(dir, name);
    const bytes = await workbookBytes(build().workbook);
    let same = false;
    if (fs.existsSync(file)) {
      try {
        const [old, fresh] = await Promise.all([loadWorkbook(fs.readFileSync(file)), loadWorkbook(bytes)]);
        same = isDeepStrictEqual(fingerprint(old), fingerprint(fresh));
      } catch {
        same = false;
      }
    }
    if (!same) fs.writeFileSync(file, bytes);
    out.push({ file, written: !same });
  }
  return out;
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.join(__dirname, '..', 'examples');
  writeExamples(dir).then(
    (files) => {
      for (const f of files) {
        const shown = path.relative(process.cwd(), f.file);
        console.log(f.written ? `已生成 / written: ${shown}` : `未变 / unchanged: ${shown}`);
      }
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
