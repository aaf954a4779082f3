// Workbook.functions (ExcelApi 1.2, index.d.ts Excel.Functions): Excel's worksheet functions, evaluated in the
// workbook's own date system. Only DATE, which tells the date system: "Is a number from 1900 or 1904 (depending
// on the workbook's date system) to 9999" (Functions.date, @types/office-js 1.0.612 index.d.ts:67334).
import { FakeClientObject, type AnyFakeObject, type ScalarSpec } from './client-object';
import type { FakeWorkbookModel } from './model';
import { dateToSerial } from './number-format';
import type { FakeRequestContext } from './runtime';

interface ResultTarget {
  value: number;
  error: string | null;
}

/** FunctionResult<number>: `value` and `error` once loaded. */
export class FakeFunctionResult extends FakeClientObject<ResultTarget> {
  constructor(ctx: FakeRequestContext, compute: () => ResultTarget, parent: AnyFakeObject) {
    super(ctx, 'FunctionResult', compute, parent, { requires: '1.2' });
  }

  protected _scalars(): Record<string, ScalarSpec<ResultTarget>> {
    return { value: { get: (r) => r.value }, error: { get: (r) => r.error } };
  }

  declare readonly value: number;
  declare readonly error: string | null;
}

export class FakeFunctions extends FakeClientObject<FakeWorkbookModel> {
  constructor(ctx: FakeRequestContext, parent: AnyFakeObject) {
    super(ctx, 'Functions', () => ctx.env.model, parent, { requires: '1.2' });
  }

  protected _scalars(): Record<string, ScalarSpec<FakeWorkbookModel>> {
    return {};
  }

  /** DATE(year, month, day): the serial in the workbook's date system. */
  date(year: number, month: number, day: number): FakeFunctionResult {
    const env = this.context.env;
    return new FakeFunctionResult(
      this.context,
      () => ({
        value: dateToSerial(new Date(Date.UTC(year, month - 1, day)), env.model.date1904 === true),
        error: null,
      }),
      this,
    );
  }
}
