// WorksheetProtection (ExcelApi 1.2): whether a sheet is protected; writes to a protected sheet fail with
// AccessDenied (cells.ts guardWrite). WorkbookProtection (ExcelApi 1.7, @types/office-js 1.0.612
// index.d.ts:37153): a workbook whose structure is protected refuses to add, delete, rename, hide or show sheets
// (guardStructure).
import { FakeClientObject, type AnyFakeObject, type ScalarSpec } from './client-object';
import { FakeOfficeError } from './errors';
import type { FakeSheet, FakeWorkbookModel } from './model';
import type { FakeEnv, FakeRequestContext } from './runtime';

/** A sheet operation on a structure-protected workbook fails; its error code is UNVERIFIED
 *  (behaviours.ts structureProtectionError). */
export function guardStructure(env: FakeEnv, location: string): void {
  if (!env.model.structureProtected) return;
  throw new FakeOfficeError(
    env.behaviours.structureProtectionError,
    location,
    'the structure of the workbook is protected',
  );
}

export class FakeWorkbookProtection extends FakeClientObject<FakeWorkbookModel> {
  constructor(ctx: FakeRequestContext, parent: AnyFakeObject) {
    super(ctx, 'WorkbookProtection', () => ctx.env.model, parent, { requires: '1.7' });
  }

  protected _scalars(): Record<string, ScalarSpec<FakeWorkbookModel>> {
    return { protected: { get: (m) => m.structureProtected === true } };
  }

  declare readonly protected: boolean;

  /** "Protects the workbook. Fails if the workbook has been protected." (index.d.ts:37164) */
  protect(password?: string): void {
    this._do('protect', password ?? null, (m, location) => {
      if (m.structureProtected)
        throw new FakeOfficeError('InvalidOperation', location, 'the workbook is protected already');
      m.structureProtected = true;
    });
  }

  unprotect(password?: string): void {
    this._do('unprotect', password ?? null, (m) => {
      delete m.structureProtected;
    });
  }
}

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
