// The request machinery of the stand-in Excel API: a RequestContext that queues actions and runs them at
// sync(), requirement sets, the statistics of every sync. Strict where Excel is strict: an API of a newer
// requirement set fails with ApiNotFound, a request or response larger than the payload limit fails as it does on
// Excel on the web. The proxy objects the actions read and change are in client-object.ts.
import { compareVersions } from '../core/versions';
import { recalculate } from './calc';
import { FakeOfficeError } from './errors';
import type { FakeCell, FakeValue, FakeWorkbookModel } from './model';

export interface SyncRecord {
  actions: number;
  requestBytes: number;
  responseBytes: number;
}

export interface FakeStats {
  /** Excel.run calls. */
  runs: number;
  /** context.sync() calls, plus the sync Excel.run makes at the end when actions are still queued. */
  syncs: number;
  /** Syncs that carried at least one action (an empty sync costs Excel nothing). */
  roundTrips: number;
  /** Actions executed (loads, property sets, method calls). */
  actions: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  log: SyncRecord[];
  reset(): void;
}

export function newStats(): FakeStats {
  const stats: FakeStats = {
    runs: 0,
    syncs: 0,
    roundTrips: 0,
    actions: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    log: [],
    reset() {
      stats.runs = 0;
      stats.syncs = 0;
      stats.roundTrips = 0;
      stats.actions = 0;
      stats.maxRequestBytes = 0;
      stats.maxResponseBytes = 0;
      stats.log = [];
    },
  };
  return stats;
}

export interface FakeEnv {
  model: FakeWorkbookModel;
  /** Highest ExcelApi version supported, "1.13". */
  api: string;
  stats: FakeStats;
  payloadLimitBytes: number;
  syncDelayMs: number;
  userName: string;
  /** Last results of formulas the stand-in has seen, by "Sheet!A1" then formula: it does not calculate, so a
   *  formula written back where it was gets back its old result (as Excel would recalculate it). */
  formulaMemory: Map<string, Map<string, FakeValue>>;
}

/** Remember the formula `cell` holds (if any) with its last result, in FakeEnv.formulaMemory; gives what is
 *  remembered for that cell. */
export function rememberFormula(
  env: FakeEnv,
  sheetName: string,
  addr: string,
  cell: FakeCell,
): Map<string, FakeValue> | undefined {
  const key = `${sheetName}!${addr}`;
  if (cell.formula !== undefined) {
    const m = env.formulaMemory.get(key) ?? new Map<string, FakeValue>();
    m.set(cell.formula, cell.value);
    env.formulaMemory.set(key, m);
  }
  return env.formulaMemory.get(key);
}

export { compareVersions };

export function supports(env: FakeEnv, version: string): boolean {
  return compareVersions(env.api, version) >= 0;
}

export function requireSet(env: FakeEnv, version: string | undefined, location: string): void {
  if (version && !supports(env, version)) {
    throw new FakeOfficeError(
      'ApiNotFound',
      location,
      `${location} needs ExcelApi ${version}; this Excel supports ExcelApi ${env.api}`,
    );
  }
}

/** What an action hands back at sync: its size in the response and how to give the loaded values to the proxy
 *  once the whole response has arrived. */
export interface Snap {
  bytes: number;
  deliver(): void;
}

interface Action {
  location: string;
  bytes: number;
  /** Changes the workbook (Excel recalculates after it). */
  write: boolean;
  run(): Snap | void;
}

/** Bytes of a value as JSON in UTF-8, as it would travel between the add-in and Excel. */
export function sizeOf(x: unknown): number {
  if (x === undefined) return 0;
  let json: string | undefined;
  try {
    json = JSON.stringify(x);
  } catch {
    return 64;
  }
  if (json === undefined) return 0;
  let n = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

export class FakeRequestContext {
  readonly env: FakeEnv;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private queue: Action[] = [];
  private closed = false;
  /** Set by the Excel namespace: the workbook proxy of this context. */
  workbook!: unknown;

  constructor(env: FakeEnv) {
    this.env = env;
  }

  _enqueue(location: string, args: unknown, run: () => Snap | void, write = false): void {
    if (this.closed) {
      throw new FakeOfficeError(
        'InvalidObjectPath',
        location,
        'the object belongs to an Excel.run batch that has ended',
      );
    }
    this.queue.push({ location, bytes: 40 + location.length + sizeOf(args), write, run });
  }

  get _pending(): number {
    return this.queue.length;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    this.env.stats.syncs++;
    await this.send();
    return passThroughValue as T;
  }

  /** Excel.run's final sync: only when something is still queued. */
  async _flush(): Promise<void> {
    if (this.queue.length === 0) return;
    this.env.stats.syncs++;
    await this.send();
  }

  _close(): void {
    this.closed = true;
    this.queue = [];
  }

  private async send(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    if (this.env.syncDelayMs > 0) await new Promise((r) => setTimeout(r, this.env.syncDelayMs));
    if (actions.length === 0) return;
    const stats = this.env.stats;
    stats.roundTrips++;
    const requestBytes = actions.reduce((n, a) => n + a.bytes, 100);
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    if (requestBytes > this.env.payloadLimitBytes) {
      stats.log.push({ actions: actions.length, requestBytes, responseBytes: 0 });
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        undefined,
        `${requestBytes} bytes > ${this.env.payloadLimitBytes}`,
      );
    }
    const delivers: (() => void)[] = [];
    let responseBytes = 100;
    try {
      for (const action of actions) {
        let snap: Snap | void;
        try {
          snap = action.run();
        } catch (e) {
          if (e instanceof FakeOfficeError && !e.debugInfo.errorLocation)
            e.debugInfo.errorLocation = action.location;
          throw e;
        }
        stats.actions++;
        if (snap) {
          responseBytes += snap.bytes;
          delivers.push(() => snap.deliver());
        }
      }
    } finally {
      stats.log.push({ actions: actions.length, requestBytes, responseBytes });
      stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
      if (actions.some((a) => a.write)) recalculate(this.env.model.sheets);
    }
    if (responseBytes > this.env.payloadLimitBytes) {
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        undefined,
        `${responseBytes} bytes > ${this.env.payloadLimitBytes}`,
      );
    }
    for (const d of delivers) d();
  }
}
