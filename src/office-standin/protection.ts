// WorksheetProtection (ExcelApi 1.2): whether a sheet is protected; writes to a protected sheet fail with
// AccessDenied (cells.ts guardWrite).
import { FakeClientObject, type ScalarSpec } from './client-object';
import type { FakeSheet } from './model';
import type { FakeRequestContext } from './runtime';

export class FakeWorksheetProtection extends FakeClientObject<FakeSheet> {
  constructor(ctx: FakeRequestContext, parent: FakeClientObject<FakeSheet>) {
    super(ctx, 'WorksheetProtection', () => parent._target(), parent, { requires: '1.2' });
  }

  protected _scalars(): Record<string, ScalarSpec<FakeSheet>> {
    return { protected: { get: (s) => s.protected === true } };
  }

  declare readonly protected: boolean;

  protect(): void {
    this._do('protect', null, (s) => {
      s.protected = true;
    });
  }

  unprotect(): void {
    this._do('unprotect', null, (s) => {
      delete s.protected;
    });
  }
}
