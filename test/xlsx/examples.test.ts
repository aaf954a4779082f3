// The committed sample workbooks are what scripts/make-examples.ts builds (run `npm run examples` after
// changing the script).
import * as fs from 'fs';
import * as path from 'path';
import { loadWorkbook } from '../../src/hosts/xlsx';
import { workbookToModel } from '../../src/harness/xlsx-model';
import { buildMultiWorkbook, buildSeedWorkbook, MULTI_FILE, SEED_FILE } from '../fixtures/examples';
import { toBytes } from './helpers';

const examples = path.resolve(__dirname, '..', '..', 'examples');

describe.each([
  [SEED_FILE, buildSeedWorkbook],
  [MULTI_FILE, buildMultiWorkbook],
])('examples/%s', (file, build) => {
  it('matches a fresh build of the script', async () => {
    const committed = await loadWorkbook(fs.readFileSync(path.join(examples, file)));
    const fresh = await loadWorkbook(await toBytes(build().workbook));
    expect(workbookToModel(committed, file)).toEqual(workbookToModel(fresh, file));
    for (const ws of fresh.worksheets) {
      const c = committed.getWorksheet(ws.name)!;
      expect(c.model.merges.sort()).toEqual(ws.model.merges.sort());
      ws.eachRow((row, n) =>
        expect({ sheet: ws.name, n, h: c.getRow(n).height }).toEqual({ sheet: ws.name, n, h: row.height }),
      );
    }
  });
});
