// The request machinery of the stand-in Excel API: a RequestContext that queues actions and runs them at
// sync(), requirement sets, the statistics of every sync. Strict where Excel is strict: an API of a newer
// requirement set fails with ApiNotFound, a request or response larger than the payload limit fails as it does on
// Excel on the web. The proxy objects the actions read and change are in client-object.ts.
import { compareVersions } from '../core/versions';
import type { FakeBehaviours, FakeFaults, FocusLossOperation } from './behaviours';
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
  /** The answer chosen for every UNVERIFIED behaviour (behaviours.ts). */
  behaviours: FakeBehaviours;
  /** Failures to inject (behaviours.ts). */
  faults: FakeFaults;
  /** Focus-loss failures injected so far (FakeFaults.focusLoss.times). */
  focusLosses: number;
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

/** An API above the supported requirement set fails with ApiNotFound (the sets are those of the typings'
 *  "[Api set: ExcelApi x.y]" remarks; the table in excel-behaviours.md §2.8). */
export function requireSet(env: FakeEnv, version: string | undefined, location: string): void {
  if (version && !supports(env, version)) {
    throw new FakeOfficeError(
      'ApiNotFound',
      location,
      `${location} needs ExcelApi ${version}; this Excel supports ExcelApi ${env.api}`,
    );
  }
}

/** Put the workbook back as it was before a failed batch (FakeBehaviours.failedBatch 'rolls-back'). */
function rollBack(model: FakeWorkbookModel, json: string): void {
  const was = JSON.parse(json) as FakeWorkbookModel;
  for (const k of Object.keys(model)) delete (model as unknown as Record<string, unknown>)[k];
  Object.assign(model, was);
}

/** An injected focus loss (FakeFaults.focusLoss): another workbook gained focus while `operation` ran, on
 *  Windows or Mac. WorksheetCollection.add and Worksheet.activate fail with GeneralException, Worksheet.delete with
 *  InvalidSelection; Range.select "is affected the same way" as activate (excel-add-ins-troubleshooting.md, "API
 *  limitations when the active workbook switches",
 *  https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-troubleshooting). */
export function focusLoss(env: FakeEnv, operation: FocusLossOperation, location: string): void {
  const fault = env.faults.focusLoss;
  if (!fault?.operations.includes(operation)) return;
  if (fault.times !== undefined && env.focusLosses >= fault.times) return;
  env.focusLosses++;
  throw new FakeOfficeError(
    operation === 'Worksheet.delete' ? 'InvalidSelection' : 'GeneralException',
    location,
    'another workbook gained focus while the operation ran',
  );
}

/** What an action hands back at sync: its size in the response and how to give the loaded values to the proxy
 *  once the whole response has arrived. */
export interface Snap {
  bytes: number;
  deliver(): void;
}

interface Action {
  location: string;
  /** Bytes of the action in the request, and of the object paths it is the first to use. */
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

/** A proxy as the request sees it: one object path, named by its entity. */
export interface PathObject {
  readonly _entity: string;
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

  /** Queue an action on the proxy `objects[0]` (reached through `objects[1]`, `objects[2]`… up to the workbook). */
  _enqueue(
    location: string,
    args: unknown,
    run: () => Snap | void,
    write = false,
    objects: readonly PathObject[] = [],
  ): void {
    // Proxies die with their Excel.run: InvalidObjectPath (excel-behaviours.md §2.3).
    if (this.closed) {
      throw new FakeOfficeError(
        'InvalidObjectPath',
        location,
        'the object belongs to an Excel.run batch that has ended',
      );
    }
    this.queue.push({ location, bytes: this.requestBytesOf(location, args, objects), write, run });
  }

  /** Object paths already in the request being built, with their ids. */
  private paths = new Map<PathObject, number>();

  /**
   * The bytes an action adds to the request as office.js serialises it: the action itself
   * ({"Id":…,"ActionType":…,"Name":…,"ObjectPathId":…,"ArgumentInfo":{"Arguments":[…]}}) and, the first time a
   * request uses an object, its object path ({"Id":…,"ObjectPathType":…,"Name":…,"ParentObjectPathId":…}). "The
   * payload size of a request combines the number of API calls, the number of objects, such as Range objects, [and]
   * the length of the value" (performance.md,
   * https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices); values
   * count as UTF-8 JSON, so Chinese text takes 3 bytes a character.
   */
  private requestBytesOf(location: string, args: unknown, objects: readonly PathObject[]): number {
    const name = location.slice(location.lastIndexOf('.') + 1);
    let bytes = sizeOf({
      Id: 1000 + this.queue.length,
      ActionType: 1,
      Name: name,
      ObjectPathId: 1000,
      ArgumentInfo: { Arguments: args === null || args === undefined ? [] : [args] },
    });
    let parent = 0;
    for (let i = objects.length - 1; i >= 0; i--) {
      const known = this.paths.get(objects[i]);
      if (known !== undefined) {
        parent = known;
        continue;
      }
      const id = this.paths.size + 1;
      this.paths.set(objects[i], id);
      bytes += sizeOf({
        Id: id,
        ObjectPathType: 4,
        Name: objects[i]._entity,
        ParentObjectPathId: parent,
        ArgumentInfo: {},
      });
      parent = id;
    }
    return bytes;
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
    this.paths = new Map();
    if (this.env.syncDelayMs > 0) await new Promise((r) => setTimeout(r, this.env.syncDelayMs));
    if (actions.length === 0) return;
    const stats = this.env.stats;
    stats.roundTrips++;
    // {"Actions":[…],"ObjectPaths":{…}} around them.
    const requestBytes = actions.reduce((n, a) => n + a.bytes, 100);
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    // RequestPayloadSizeLimitExceeded and ResponsePayloadSizeLimitExceeded: the 5 MB limit of Excel on the web
    // (resource-limits doc; office.js maps host codes 5103/5104 to them, excel-web-16.00.debug.js:13477-13483).
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
    const before =
      this.env.behaviours.failedBatch === 'rolls-back' && actions.some((a) => a.write)
        ? JSON.stringify(this.env.model)
        : null;
    try {
      for (const action of actions) {
        let snap: Snap | void;
        try {
          snap = action.run();
        } catch (e) {
          if (e instanceof FakeOfficeError && !e.debugInfo.errorLocation)
            e.debugInfo.errorLocation = action.location;
          if (before !== null) rollBack(this.env.model, before);
          throw e;
        }
        stats.actions++;
        if (snap) {
          // {"ActionId":…,"Value":…} around each value the response carries.
          responseBytes += 24 + snap.bytes;
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
