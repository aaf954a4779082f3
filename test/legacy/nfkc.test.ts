// The legacy pane's NFKC (for IE11, which has no String.prototype.normalize) against Node's own: the same for
// every BMP character and for the sample forms' texts; the table is the one this Node generates.
import * as fs from 'fs';
import * as path from 'path';
import { nfkc } from '../../src/taskpane-legacy/nfkc';
import { NFKC_TABLE, NFKC_UNICODE } from '../../src/taskpane-legacy/nfkc-table';
import { seedPrinted } from '../fixtures/forms';
import { buildTable, tableSource } from './nfkc-table';

const TABLE_FILE = path.resolve(__dirname, '..', '..', 'src', 'taskpane-legacy', 'nfkc-table.ts');
/** A Node of another Unicode version knows other characters: then only the characters both know are compared. */
const SAME_UNICODE = process.versions.unicode === NFKC_UNICODE;

test('the table is the one this Node generates (UPDATE_NFKC=1 rewrites it)', () => {
  const table = buildTable();
  if (process.env.UPDATE_NFKC === '1') fs.writeFileSync(TABLE_FILE, tableSource(table));
  else if (SAME_UNICODE) expect(NFKC_TABLE === table).toBe(true);
});

test('every BMP character normalises as String.prototype.normalize("NFKC") does', () => {
  const wrong: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c < 0xe000) continue;
    const s = String.fromCharCode(c);
    if (!SAME_UNICODE && !/\p{Assigned}/u.test(s)) continue;
    if (nfkc(s) !== s.normalize('NFKC')) wrong.push(`U+${c.toString(16).padStart(4, '0')}`);
  }
  expect(wrong).toEqual([]);
});

test('the texts of a form, full-width forms included, normalise as the engine does', () => {
  const texts: string[] = [
    '（万元）',
    '１２３．４５％',
    '指标值：≥９０％',
    '\u3000年度\u3000总体目标',
    'Ｅｘｃｅｌ',
  ];
  const grid = seedPrinted('自评表');
  for (const row of grid.values) for (const v of row) if (typeof v === 'string') texts.push(v);
  expect(texts.length).toBeGreaterThan(20);
  for (const t of texts) expect({ t, n: nfkc(t) }).toEqual({ t, n: t.normalize('NFKC') });
});

test('the check can fail: a combining sequence is where the table is not NFKC (documented in nfkc.ts)', () => {
  expect('e\u0301'.normalize('NFKC')).toBe('\u00e9');
  expect(nfkc('e\u0301')).toBe('e\u0301');
});
