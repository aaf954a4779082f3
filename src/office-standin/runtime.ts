// The request machinery of the stand-in Excel API: a RequestContext that queues actions and runs them at
// sync(), proxy objects whose properties exist only after load() + sync(), ClientResults, requirement sets.
// Strict where Excel is strict: reading an unloaded property throws PropertyNotLoaded, a ClientResult read
// before sync throws ValueNotLoaded, an API of a newer requirement set fails with ApiNotFound, a request or
// response larger than the payload limit fails as it does on Excel on the web.
import { compareVersions } from '../core/versions';
import { recalculate } from './calc';
import { FakeOfficeError, propertyNotLoaded } from './errors';
import type { FakeWorkbookModel } from './model';

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
  formulaMemory: Map<string, Map<string, string | number | boolean | null>>;
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
function sizeOf(x: unknown): number {
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

export class FakeClientResult<T> {
  private v: T | undefined;
  private loaded = false;

  get value(): T {
    if (!this.loaded) throw new FakeOfficeError('ValueNotLoaded', 'ClientResult.value');
    return this.v as T;
  }

  _deliver(v: T): void {
    this.v = v;
    this.loaded = true;
  }
}

export interface ScalarSpec<T> {
  get?: (target: T) => unknown;
  set?: (target: T, value: unknown, location: string) => void;
  /** ExcelApi version the property needs. */
  requires?: string;
}

type LoadSpec = string | string[] | { select?: string; expand?: string } | undefined;

export function parseLoad(spec: LoadSpec): string[][] {
  let names: string[] = [];
  if (typeof spec === 'string') names = spec.split(',');
  else if (Array.isArray(spec)) names = spec.flatMap((s) => s.split(','));
  else if (spec && typeof spec === 'object')
    names = [spec.select ?? '', spec.expand ?? ''].join(',').split(',');
  return names
    .map((n) => n.trim())
    .filter((n) => n.length > 0)
    .map((n) => n.split('/').map((p) => p.trim()));
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Any proxy, whatever its target type (a parent, a navigation property). */
export type AnyFakeObject = FakeClientObject<any>;

/** A proxy object. `locate` finds the object in the model when an action runs (at sync): it returns null for a
 *  null object (an *OrNullObject method that found nothing, or anything reached from one) and throws
 *  ItemNotFound when a plain getter finds nothing. */
export abstract class FakeClientObject<T> {
  readonly context: FakeRequestContext;
  readonly _entity: string;
  protected readonly _loaded = new Map<string, unknown>();
  private _null: boolean | undefined;
  private readonly _orNull: boolean;
  private readonly _locate: () => T | null;
  private readonly _parent: AnyFakeObject | null;
  private readonly _requires: string | undefined;

  constructor(
    context: FakeRequestContext,
    entity: string,
    locate: () => T | null,
    parent: AnyFakeObject | null,
    options: { requires?: string; orNull?: boolean; queueNullCheck?: boolean } = {},
  ) {
    this.context = context;
    this._entity = entity;
    this._locate = locate;
    this._parent = parent;
    this._requires = options.requires;
    this._orNull = options.orNull ?? false;
    if (this._orNull && options.queueNullCheck !== false) {
      // Excel answers isNullObject at the next sync without an explicit load.
      context._enqueue(`${entity}.isNullObject`, null, () => {
        const t = this._target();
        return {
          bytes: 20,
          deliver: () => {
            this._null = t === null;
          },
        };
      });
    }
  }

  protected abstract _scalars(): Record<string, ScalarSpec<T>>;

  protected _navs(): Record<string, () => AnyFakeObject> {
    return {};
  }

  get isNullObject(): boolean {
    if (this._null === undefined) {
      if (this._orNull) throw propertyNotLoaded(this._entity, 'isNullObject');
      return false;
    }
    return this._null;
  }

  get _env(): FakeEnv {
    return this.context.env;
  }

  /** The model object behind the proxy, at sync time. */
  _target(): T | null {
    for (let o: AnyFakeObject | null = this; o; o = o._parent) {
      requireSet(this._env, o._requires, o._entity);
    }
    return this._locate();
  }

  /** Writes and method calls on a null object do nothing, as in Excel (the documented idiom
   *  `worksheets.getItemOrNullObject(name).delete()` relies on it). */

  protected _get(property: string): unknown {
    if (this._null === true) return null;
    if (!this._loaded.has(property)) throw propertyNotLoaded(this._entity, property);
    return this._loaded.get(property);
  }

  protected _set(property: string, value: unknown): void {
    const location = `${this._entity}.${property}`;
    const spec = this._scalars()[property];
    if (!spec?.set) throw new FakeOfficeError('InvalidArgument', location, `${location} cannot be set`);
    const copy = clone(value);
    this.context._enqueue(
      location,
      copy,
      () => {
        requireSet(this._env, spec.requires, location);
        const t = this._target();
        if (t !== null) spec.set?.(t, copy, location);
      },
      true,
    );
  }

  /** Queue a method call that changes the model. */
  protected _do(
    method: string,
    args: unknown,
    fn: (target: T, location: string) => void,
    requires?: string,
  ): void {
    const location = `${this._entity}.${method}`;
    this.context._enqueue(
      location,
      args,
      () => {
        requireSet(this._env, requires, location);
        const t = this._target();
        if (t !== null) fn(t, location);
      },
      true,
    );
  }

  /** Queue a method call whose result is a ClientResult. */
  protected _call<R>(method: string, fn: (target: T) => R, requires?: string): FakeClientResult<R> {
    const location = `${this._entity}.${method}`;
    const result = new FakeClientResult<R>();
    this.context._enqueue(location, null, () => {
      requireSet(this._env, requires, location);
      const t = this._target();
      const v = t === null ? (null as R) : clone(fn(t));
      return { bytes: 20 + sizeOf(v), deliver: () => result._deliver(v) };
    });
    return result;
  }

  load(spec?: LoadSpec): this {
    const paths = parseLoad(spec);
    this.context._enqueue(`${this._entity}.load`, paths, () => this._snapshot(paths));
    return this;
  }

  /** The values for `paths`, read now (at sync), delivered when the response has arrived. */
  _snapshot(paths: string[][]): Snap {
    const target = this._target();
    if (target === null) {
      return {
        bytes: 10,
        deliver: () => {
          this._null = true;
        },
      };
    }
    const scalars = this._scalars();
    const navs = this._navs();
    const wanted = paths.length > 0 ? paths : Object.keys(scalars).map((k) => [k]);
    const values: [string, unknown][] = [];
    const groups = new Map<string, string[][]>();
    for (const [head, ...rest] of wanted) {
      const spec = scalars[head];
      if (rest.length === 0 && spec) {
        const location = `${this._entity}.${head}`;
        requireSet(this._env, spec.requires, location);
        if (!spec.get) throw new FakeOfficeError('InvalidArgument', location, `${location} cannot be read`);
        values.push([head, clone(spec.get(target))]);
      } else if (navs[head]) {
        const g = groups.get(head) ?? [];
        if (rest.length > 0) g.push(rest);
        groups.set(head, g);
      } else {
        throw new FakeOfficeError(
          'InvalidArgument',
          `${this._entity}.load`,
          `${this._entity} has no property "${[head, ...rest].join('/')}"`,
        );
      }
    }
    const children: Snap[] = [];
    for (const [head, rests] of groups) children.push(navs[head]()._snapshot(rests));
    const bytes = sizeOf(Object.fromEntries(values)) + children.reduce((n, c) => n + c.bytes, 0);
    return {
      bytes,
      deliver: () => {
        this._null = false;
        for (const [k, v] of values) this._loaded.set(k, v);
        for (const c of children) c.deliver();
      },
    };
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** A collection proxy: `items` exists after load('items/…') (or load('name'), which means the items' name). */
export abstract class FakeCollection<T, I extends AnyFakeObject> extends FakeClientObject<T> {
  private readonly cache = new Map<string, I>();

  protected abstract _keys(target: T): string[];
  protected abstract _makeItem(key: string): I;

  protected _scalars(): Record<string, ScalarSpec<T>> {
    return {};
  }

  get items(): I[] {
    return this._get('items') as I[];
  }

  protected _item(key: string): I {
    let item = this.cache.get(key);
    if (!item) {
      item = this._makeItem(key);
      this.cache.set(key, item);
    }
    return item;
  }

  override _snapshot(paths: string[][]): Snap {
    const target = this._target();
    if (target === null) return super._snapshot(paths);
    const itemPaths: string[][] = [];
    for (const p of paths) {
      if (p[0] === 'items') {
        if (p.length > 1) itemPaths.push(p.slice(1));
      } else itemPaths.push(p);
    }
    const items = this._keys(target).map((k) => this._item(k));
    const snaps = items.map((i) => i._snapshot(itemPaths));
    return {
      bytes: 20 + snaps.reduce((n, s) => n + s.bytes, 0),
      deliver: () => {
        this._loaded.set('items', items);
        for (const s of snaps) s.deliver();
      },
    };
  }
}
