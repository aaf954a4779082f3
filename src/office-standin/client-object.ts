// The proxy objects of the stand-in Excel API, over the request machinery of runtime.ts: properties exist only
// after load() + sync() (reading one before throws PropertyNotLoaded), a ClientResult read before sync throws
// ValueNotLoaded, *OrNullObject proxies answer isNullObject, collections list their items after load('items').
import { FakeOfficeError, propertyNotLoaded } from './errors';
import { requireSet, sizeOf, type FakeEnv, type FakeRequestContext, type Snap } from './runtime';

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

/** Proxy classes whose property accessors exist already. */
const withAccessors = new WeakSet<object>();

/** Any proxy, whatever its target type (a parent, a navigation property). */
export type AnyFakeObject = FakeClientObject<any>;

/** A proxy object. `locate` finds the object in the model when an action runs (at sync): it returns null for a
 *  null object (an *OrNullObject method that found nothing, or anything reached from one) and throws
 *  ItemNotFound when a plain getter finds nothing. Its scalar properties (`_scalars`) are accessors the class
 *  declares with `declare name: Type` (readonly when the property cannot be set): reading one reads the loaded
 *  value, setting one queues the write. */
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
    this._defineAccessors();
    if (this._orNull && options.queueNullCheck !== false) {
      // Excel answers isNullObject at the next sync without an explicit load.
      context._enqueue(
        `${entity}.isNullObject`,
        null,
        () => {
          const t = this._target();
          return {
            bytes: 20,
            deliver: () => {
              this._null = t === null;
            },
          };
        },
        false,
        this._chain(),
      );
    }
  }

  protected abstract _scalars(): Record<string, ScalarSpec<T>>;

  /** Once per proxy class: an accessor on its prototype for every scalar property, with a setter when the
   *  property can be set. */
  private _defineAccessors(): void {
    const proto = Object.getPrototypeOf(this) as object;
    if (withAccessors.has(proto)) return;
    withAccessors.add(proto);
    for (const [name, spec] of Object.entries(this._scalars())) {
      if (name in proto) continue;
      Object.defineProperty(proto, name, {
        configurable: true,
        get(this: AnyFakeObject): unknown {
          return this._get(name);
        },
        set: spec.set
          ? function (this: AnyFakeObject, value: unknown): void {
              this._set(name, value);
            }
          : undefined,
      });
    }
  }

  protected _navs(): Record<string, () => AnyFakeObject> {
    return {};
  }

  /** Known after the sync that follows an *OrNullObject call, which loads it without being asked
   *  (application-specific-api-model.md, "*OrNullObject methods and properties"), or after a load of any proxy;
   *  before that it throws PropertyNotLoaded, as office.js does (Utility.throwIfNotLoaded,
   *  excel-win32-16.01.debug.js:13521-13529). */
  get isNullObject(): boolean {
    if (this._null === undefined) throw propertyNotLoaded(this._entity, 'isNullObject');
    return this._null;
  }

  /** This proxy and the proxies it was reached through, up to the workbook: the object paths of a request. */
  _chain(): AnyFakeObject[] {
    const out: AnyFakeObject[] = [];
    for (let o: AnyFakeObject | null = this; o; o = o._parent) out.push(o);
    return out;
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

  /** A property is readable after load() and sync(); before, it throws PropertyNotLoaded (office.js
   *  Utility.throwIfNotLoaded, excel-win32-16.01.debug.js:15779). A null object's properties read as undefined,
   *  as in office.js. */
  protected _get(property: string): unknown {
    if (this._null === true) return undefined;
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
      this._chain(),
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
      this._chain(),
    );
  }

  /** Queue a method call whose result is a ClientResult. */
  protected _call<R>(method: string, fn: (target: T) => R, requires?: string): FakeClientResult<R> {
    const location = `${this._entity}.${method}`;
    const result = new FakeClientResult<R>();
    this.context._enqueue(
      location,
      null,
      () => {
        requireSet(this._env, requires, location);
        const t = this._target();
        const v = t === null ? (null as R) : clone(fn(t));
        return { bytes: 20 + sizeOf(v), deliver: () => result._deliver(v) };
      },
      false,
      this._chain(),
    );
    return result;
  }

  load(spec?: LoadSpec): this {
    const paths = parseLoad(spec);
    this.context._enqueue(`${this._entity}.load`, paths, () => this._snapshot(paths), false, this._chain());
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

  getCount(): FakeClientResult<number> {
    return this._count();
  }

  /** The number of items, as a ClientResult; `requires` when getCount needs a later set than the collection. */
  protected _count(requires?: string): FakeClientResult<number> {
    return this._call('getCount', (target) => this._keys(target).length, requires);
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
