// Shared by the standin-*.test.ts files: a stand-in Excel over a small workbook, and an expectation of an Excel
// error code.
import {
  createFakeOffice,
  FakeOfficeError,
  type FakeOfficeOptions,
  type FakeWorkbook,
} from '../../src/office-standin';
import type { FakeSheet, FakeWorkbookModel } from '../../src/office-standin/model';

export type Ctx = { workbook: FakeWorkbook; sync(): Promise<void> };

export function sheet(name: string, extra: Partial<FakeSheet> = {}): FakeSheet {
  return { name, cells: {}, merges: [], comments: [], ...extra };
}

export function standIn(
  sheets: FakeSheet[],
  options: FakeOfficeOptions = {},
  more: Partial<FakeWorkbookModel> = {},
) {
  // A copy: tests share their cells, the stand-in changes what it is given.
  const model = JSON.parse(
    JSON.stringify({ name: 'book.xlsx', sheets, settings: {}, customXmlParts: [], ...more }),
  ) as FakeWorkbookModel;
  const f = createFakeOffice(model, options);
  const run = <T>(fn: (ctx: Ctx) => Promise<T>): Promise<T> =>
    f.Excel.run((context) => fn(context as unknown as Ctx));
  return { ...f, run, model };
}

export async function rejects(p: Promise<unknown>, code: string): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FakeOfficeError);
    expect((e as FakeOfficeError).code).toBe(code);
    return e as FakeOfficeError;
  }
  throw new Error(`expected ${code}`);
}
