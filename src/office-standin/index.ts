// A stand-in for the part of Office.js the selfeval host uses: `Excel.run` over a FakeWorkbookModel, and the
// `Office` namespace (requirement sets, display language, document settings). Pure TypeScript: the browser
// harness installs it as window.Excel / window.Office; the tests hand it to createOfficeHost.
//
// What it checks like Excel does: properties are readable only after load() + sync() (PropertyNotLoaded,
// office.js Utility.throwIfNotLoaded), ClientResult.value only after sync (ValueNotLoaded), *OrNullObject +
// isNullObject (application-specific-api-model.md), APIs of a requirement set above `apiVersion` fail with
// ApiNotFound, writes to a protected sheet fail, requests and responses above the payload limit (5 MB, Excel on
// the web) fail, gets over five million cells fail, and sheet operations fail on a structure-protected workbook.
// Every sync() is counted in `stats`. Where nobody knows yet what Excel does (UNVERIFIED), `options.behaviours`
// picks one of the plausible answers (behaviours.ts, UNVERIFIED_BEHAVIOURS); `options.faults` injects failures
// that happen only in some situations (focus loss, iPad, a failing settings save).
// What it does not do: calculate formulas (a formula written back where it was gets its old result), keep
// cell styles other than fill, font colour, bold and number format, or tell "automatic" font colour from black
// once it has been written (neither can Excel's API).
import { resolveBehaviours, type FakeBehaviours, type FakeFaults } from './behaviours';
import { FakeOfficeError } from './errors';
import type { FakeWorkbookModel } from './model';
import {
  FakeRequestContext,
  compareVersions,
  newStats,
  rememberFormula,
  type FakeEnv,
  type FakeStats,
} from './runtime';
import { FakeSettings } from './settings';
import { FakeWorkbook } from './workbook';

export type { FakeStats } from './runtime';
export {
  UNVERIFIED_BEHAVIOURS,
  DEFAULT_BEHAVIOURS,
  FOCUS_LOSS_OPERATIONS,
  behaviourCombinations,
  resolveBehaviours,
  type FakeBehaviours,
  type FakeFaults,
  type FocusLossOperation,
  type UnverifiedBehaviour,
} from './behaviours';
export { formatValue, serialToDate, dateToSerial } from './number-format';
export { MAX_MERGED_AREAS } from './range';
export { MAX_GET_CELLS } from './cells';
export { FakeOfficeError } from './errors';
export * from './model';
export { FakeWorkbook } from './workbook';
export { FakeWorksheet, FakeWorksheetCollection } from './worksheet';
export { FakeRange } from './range';
export {
  FakeNoteCollection,
  FakeCommentCollection,
  FakeCommentReplyCollection,
  FakeCommentReply_,
} from './comments';
export { FakeCustomXmlPartCollection, rootNamespace } from './custom-xml';
export { FakeRequestContext } from './runtime';
export { FakeSettings, type AsyncResultLike } from './settings';

export type FakeApiVersion =
  '1.1' | '1.2' | '1.4' | '1.5' | '1.7' | '1.8' | '1.9' | '1.10' | '1.13' | '1.14' | '1.18' | string;

export interface FakeOfficeOptions {
  /** Highest ExcelApi requirement set: '1.8' (Office 2019), '1.14' (Office 2021), '1.18' (Microsoft 365)… */
  apiVersion?: FakeApiVersion;
  /** Office.context.displayLanguage, default 'zh-CN'. */
  displayLanguage?: string;
  /** Wait this long in every sync, to make round trips visible in the harness. */
  syncDelayMs?: number;
  /** Request and response size limit of one sync, in bytes. The documented limit is 5 MB for Excel on the web
   *  only (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, resource-limits doc,
   *  https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization), so
   *  the default is 5 MB on platform 'OfficeOnline' and none elsewhere; a limit given here applies on every
   *  platform. */
  payloadLimitBytes?: number;
  platform?: 'PC' | 'OfficeOnline' | 'Mac';
  /** Author of notes and comments the add-in creates. */
  userName?: string;
  /** Further requirement sets to answer true for, by name → highest version. */
  extraSets?: Record<string, string>;
  /** The answer to each UNVERIFIED question about Excel (behaviours.ts); unnamed ones take their default. */
  behaviours?: Partial<FakeBehaviours>;
  /** Failures to inject (behaviours.ts). */
  faults?: FakeFaults;
  /** The add-in's manifest id: settings are "saved per add-in and per document" (Office.Settings,
   *  https://learn.microsoft.com/javascript/api/office/office.settings). Without one, the add-in's settings are
   *  `model.settings`; with one, `model.addinSettings[addinId]`. */
  addinId?: string;
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

export function createFakeOffice(model: FakeWorkbookModel, options: FakeOfficeOptions = {}): FakeOffice {
  const api = options.apiVersion ?? '1.18';
  const platform = options.platform ?? 'PC';
  const env: FakeEnv = {
    model,
    api,
    stats: newStats(),
    payloadLimitBytes:
      options.payloadLimitBytes ?? (platform === 'OfficeOnline' ? 5 * 1024 * 1024 : Number.POSITIVE_INFINITY),
    syncDelayMs: options.syncDelayMs ?? 0,
    userName: options.userName ?? 'selfeval',
    behaviours: resolveBehaviours(options.behaviours),
    faults: options.faults ?? {},
    focusLosses: 0,
    formulaMemory: new Map(),
  };
  for (const sheet of model.sheets) {
    for (const [addr, cell] of Object.entries(sheet.cells)) rememberFormula(env, sheet.name, addr, cell);
  }
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
      invalidSelection: 'InvalidSelection',
      itemAlreadyExists: 'ItemAlreadyExists',
      itemNotFound: 'ItemNotFound',
      rangeExceedsLimit: 'RangeExceedsLimit',
      requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
      responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
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
          return compareVersions(have, String(minVersion)) >= 0;
        },
      },
      document: {
        settings: new FakeSettings(model, { addinId: options.addinId, fault: env.faults.settingsSave }),
        url: model.name,
        mode: 'readWrite',
      },
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
