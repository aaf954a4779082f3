// Issue 13 item 2 through the command line: scoring again a scored copy whose restore record another program
// cut is refused by name with the reason (Chinese first); the copy is not scored over its old marks.
import * as fs from 'fs';
import * as path from 'path';
import { SEED_FILE } from '../fixtures/examples';
import { fromBytes, toBytes } from '../xlsx/helpers';
import { RESTORE_SHEET_NAME } from '../../src/hosts/xlsx';
import { run, scoredName, tempDir, writeSamples } from './helpers';

describe('a scored copy whose restore record cannot be read', () => {
  it('is not scored again: the error names the record and says it is kept', async () => {
    const dir = tempDir();
    await writeSamples(dir);
    expect((await run([SEED_FILE], dir)).code).toBe(0);
    const scored = path.join(dir, scoredName(SEED_FILE));
    const wb = await fromBytes(fs.readFileSync(scored));
    const rec = wb.getWorksheet(RESTORE_SHEET_NAME)!;
    rec.getCell('C2').value = String(rec.getCell('C2').value).slice(0, 30);
    const cut = path.join(dir, 'cut.xlsx');
    fs.writeFileSync(cut, await toBytes(wb));

    const r = await run(['cut.xlsx'], dir);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/cut\.xlsx/);
    expect(r.err).toMatch(/还原记录.*无法读取.*记录已保留/s);
    expect(fs.existsSync(path.join(dir, scoredName('cut.xlsx')))).toBe(false);
  });
});
