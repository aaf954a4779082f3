// A stand-in for the part of Office.js the selfeval host uses: `Excel.run` over a FakeWorkbookModel, and the
// `Office` namespace (requirement sets, display language, document settings). Pure TypeScript: the browser
// harness installs it as window.Excel / window.Office; the tests hand it to createOfficeHost.
//
// What it checks like Excel does: properties are readable only after load() + sync() (PropertyNotLoaded),
// ClientResult.value only after sync (ValueNotLoaded), *OrNullObject + isNullObject, APIs of a requirement set
// above `apiVersion` fail with ApiNotFound, writes to a protected sheet fail with AccessDenied, requests and
// responses above the payload limit (5 MB, Excel on the web) fail. Every sync() is counted in `stats`.
// What it does not do: calculate formulas (a formula written back where it was gets its old result), keep
// cell styles other than fill, font colour, bold and number format, or tell "automatic" font colour from black
// once it has been written (neither can Excel's API).
import { compareVersions } from '../core/versions';
import { FakeRequestContext, newStats, type FakeEnv, type FakeStats } from './runtime';
import { FakeWorkbook } from './excel';
import { FakeOfficeError } from './errors';
import type { FakeWorkbookModel } from './model';

export type { FakeStats } from './runtime';
export { FakeOfficeError } from './errors';
export * from './model';
export {
  FakeWorkbook,
  FakeWorksheet,
  FakeRange,
  FakeWorksheetCollection,
  FakeNoteCollection,
  FakeCommentCollection,
  FakeCustomXmlPartCollection,
  rootNamespace,
} from './excel';
export { FakeRequestContext } from './runtime';

export type FakeApiVersion =
  '1.1' | '1.2' | '1.4' | '1.5' | '1.7' | '1.8' | '1.9' | '1.10' | '1.13' | '1.14' | '1.18' | string;

export interface FakeOfficeOptions {
  /** Highest ExcelApi requirement set: '1.8' (Office 2019), '1.14' (Office 2021), '1.18' (Microsoft 365)… */
  apiVersion?: FakeApiVersion;
  /** Office.context.displayLanguage, default 'zh-CN'. */
  displayLanguage?: string;
  /** Wait this long in every sync, to make round trips visible in the harness. */
  syncDelayMs?: number;
  /** Request and response size limit of one sync, in bytes; default 5 MB (Excel on the web). */
  payloadLimitBytes?: number;
  platform?: 'PC' | 'OfficeOnline' | 'Mac';
  /** Author of notes and comments the add-in creates. */
  userName?: string;
  /** Further requirement sets to answer true for, by name → highest version. */
  extraSets?: Record<string, string>;
}

export interface AsyncResultLike<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error: { code: number; name: string; message: string } | null;
  asyncContext?: unknown;
}

type AsyncCallback<T> = (result: AsyncResultLike<T>) => void;

/** Office.context.document.settings: an in-memory copy of the saved settings; saveAsync writes it to the model
 *  (the workbook), so only saved settings survive a reopen. */
export class FakeSettings {
  private cache: Record<string, unknown>;
  private readonly model: FakeWorkbookModel;

  constructor(model: FakeWorkbookModel) {
    this.model = model;
    this.cache = { ...model.settings };
  }

  get(name: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.cache, name) ? this.cache[name] : null;
  }

  set(name: string, value: unknown): void {
    this.cache[name] = value;
  }

  remove(name: string): void {
    delete this.cache[name];
  }

  saveAsync(optionsOrCallback?: unknown, callback?: AsyncCallback<void>): void {
    const cb =
      typeof optionsOrCallback === 'function' ? (optionsOrCallback as AsyncCallback<void>) : callback;
    const saved: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.cache)) saved[k] = typeof v === 'string' ? v : JSON.stringify(v);
    void Promise.resolve().then(() => {
      this.model.settings = saved;
      cb?.({ status: 'succeeded', value: undefined, error: null });
    });
  }

  refreshAsync(callback?: AsyncCallback<FakeSettings>): void {
    void Promise.resolve().then(() => {
      this.cache = { ...this.model.settings };
      callback?.({ status: 'succeeded', value: this, error: null });
    });
  }
}

export interface FakeExcelNamespace {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  ErrorCodes: Record<string, string>;
}

export interface FakeOfficeNamespace {
  context: {
    displayLanguage: string;
    contentLanguage: string;
    host: string;
    platform: string;
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    document: { settings: FakeSettings; url: string; mode: string };
    diagnostics: { host: string; platform: string; version: string };
  };
  onReady(
    callback?: (info: { host: string; platform: string }) => void,
  ): Promise<{ host: string; platform: string }>;
  HostType: { Excel: 'Excel' };
  PlatformType: Record<string, string>;
  AsyncResultStatus: { Succeeded: 'succeeded'; Failed: 'failed' };
}

export interface FakeOffice {
  Excel: FakeExcelNamespace;
  Office: FakeOfficeNamespace;
  OfficeExtension: { Error: typeof FakeOfficeError };
  stats: FakeStats;
  model: FakeWorkbookModel;
}

function versionAtLeast(have: string, want: string): boolean {
  return compareVersions(have, want) >= 0;
}

export function createFakeOffice(model: FakeWorkbookModel, options: FakeOfficeOptions = {}): FakeOffice {
  const api = options.apiVersion ?? '1.18';
  const env: FakeEnv = {
    model,
    api,
    stats: newStats(),
    payloadLimitBytes: options.payloadLimitBytes ?? 5 * 1024 * 1024,
    syncDelayMs: options.syncDelayMs ?? 0,
    userName: options.userName ?? 'selfeval',
    formulaMemory: new Map(),
  };
  for (const sheet of model.sheets) {
    for (const [addr, cell] of Object.entries(sheet.cells)) {
      if (cell.formula !== undefined) {
        env.formulaMemory.set(`${sheet.name}!${addr}`, new Map([[cell.formula, cell.value]]));
      }
    }
  }
  const platform = options.platform ?? 'PC';
  const sets: Record<string, string> = { ExcelApi: api, Settings: '1.1', ...(options.extraSets ?? {}) };

  const Excel: FakeExcelNamespace = {
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      env.stats.runs++;
      const ctx = new FakeRequestContext(env);
      ctx.workbook = new FakeWorkbook(ctx);
      try {
        const result = await batch(ctx as unknown as Excel.RequestContext);
        await ctx._flush();
        return result;
      } finally {
        ctx._close();
      }
    },
    ErrorCodes: {
      accessDenied: 'AccessDenied',
      apiNotFound: 'ApiNotFound',
      generalException: 'GeneralException',
      invalidArgument: 'InvalidArgument',
      invalidOperation: 'InvalidOperation',
      invalidReference: 'InvalidReference',
      itemAlreadyExists: 'ItemAlreadyExists',
      itemNotFound: 'ItemNotFound',
    },
  };

  const info = { host: 'Excel', platform };
  const Office: FakeOfficeNamespace = {
    context: {
      displayLanguage: options.displayLanguage ?? 'zh-CN',
      contentLanguage: options.displayLanguage ?? 'zh-CN',
      host: 'Excel',
      platform,
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const have = sets[name];
          if (have === undefined) return false;
          if (minVersion === undefined) return true;
          return versionAtLeast(have, String(minVersion));
        },
      },
      document: { settings: new FakeSettings(model), url: model.name, mode: 'readWrite' },
      diagnostics: { host: 'Excel', platform, version: '16.0' },
    },
    onReady(callback) {
      callback?.(info);
      return Promise.resolve(info);
    },
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  };

  return { Excel, Office, OfficeExtension: { Error: FakeOfficeError }, stats: env.stats, model };
}
