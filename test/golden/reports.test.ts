// Behaviour lock: the report, the write plan of every mode and the tables for every sample workbook, every
// real-world variant and every core fixture, under every preset rulebook, compared with the committed
// golden file. A restructure must leave this file byte-identical; a deliberate change of behaviour rewrites it
// with `UPDATE_GOLDEN=1 npx jest test/golden` and the diff is reviewed in the commit.
import * as fs from 'fs';
import * as path from 'path';
import {
  getPreset,
  planWrites,
  presetNames,
  reviewTable,
  scoreSheets,
  summaryTable,
  WRITE_MODES,
  type SheetGrid,
  type SheetTable,
} from '../../src/core';
import { loadWorkbook, workbookToGrids } from '../../src/hosts/xlsx';
import * as checks from '../fixtures/checks';
import * as forms from '../fixtures/forms';
import { seedSheet } from '../fixtures/shanghai';
import * as realWorld from '../fixtures/real-world';

const GOLDEN = path.join(__dirname, 'reports.json');
const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

type Case = { name: string; sheets: () => Promise<SheetGrid[]> | SheetGrid[] };

function gridCases(): Case[] {
  const cases: Case[] = [{ name: 'seed-form', sheets: () => [seedSheet()] }];
  const add = (prefix: string, mod: Record<string, unknown>) => {
    for (const [name, make] of Object.entries(mod)) {
      if (typeof make !== 'function' || make.length > 0) continue;
      cases.push({
        name: `${prefix}/${name}`,
        sheets: () => {
          const out = (make as () => unknown)();
          if (Array.isArray(out)) return out as SheetGrid[];
          const o = out as { sheet?: SheetGrid; sheets?: SheetGrid[] };
          if (o.sheets) return o.sheets;
          if (o.sheet) return [o.sheet];
          return [out as SheetGrid];
        },
      });
    }
  };
  add('forms', forms);
  add('checks', checks);
  cases.push({ name: 'checks/fundsReason(true)', sheets: () => [checks.fundsReason(true).sheet] });
  cases.push({ name: 'checks/fundsReason(false)', sheets: () => [checks.fundsReason(false).sheet] });
  return cases;
}

async function xlsxGrids(bytes: Uint8Array): Promise<SheetGrid[]> {
  return workbookToGrids(await loadWorkbook(bytes));
}

function fileCases(): Case[] {
  const cases: Case[] = [];
  for (const file of fs
    .readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()) {
    cases.push({
      name: `examples/${file}`,
      sheets: () => xlsxGrids(fs.readFileSync(path.join(EXAMPLES, file))),
    });
  }
  for (const build of realWorld.ALL) {
    const { file } = build();
    cases.push({
      name: `real-world/${file}`,
      sheets: async () => xlsxGrids(new Uint8Array(await build().workbook.xlsx.writeBuffer())),
    });
  }
  return cases;
}

/** A table as the golden file locks it: its typed columns and each row's severity came after the file, and
 *  are held by test/xlsx and test/cli (the .xlsx they style) instead. */
function locked(table: SheetTable): unknown {
  const { columns, ...rest } = table;
  void columns;
  return {
    ...rest,
    rows: rest.rows.map((row) => {
      const { severity, ...values } = row;
      void severity;
      return values;
    }),
  };
}

async function snapshot(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const c of [...gridCases(), ...fileCases()]) {
    const sheets = await c.sheets();
    for (const id of presetNames()) {
      const report = scoreSheets(sheets, { rulebook: getPreset(id), source: c.name });
      const plans = Object.fromEntries(
        WRITE_MODES.map((mode) => [mode, planWrites(report, mode, 'zh-CN').edits]),
      );
      const tables = [reviewTable(report, 'en'), summaryTable(report, 'zh-CN')].map(locked);
      out[`${c.name} @${id}`] = { report, plans, tables };
    }
  }
  return out;
}

it('reports, plans and tables are unchanged for every sample, variant and fixture', async () => {
  const now = JSON.stringify(await snapshot(), null, 1) + '\n';
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(GOLDEN, now);
  const before = fs.readFileSync(GOLDEN, 'utf8');
  // Compare key by key first so that a failure names the case, then the whole text byte for byte.
  const a = JSON.parse(before) as Record<string, unknown>;
  const b = JSON.parse(now) as Record<string, unknown>;
  expect(Object.keys(b)).toEqual(Object.keys(a));
  for (const key of Object.keys(a)) expect({ key, value: b[key] }).toEqual({ key, value: a[key] });
  expect(now).toBe(before);
});
