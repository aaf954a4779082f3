// The built-ins the legacy bundle calls that Internet Explorer 11 lacks, and nothing more: the list is what
// test/legacy/legacy-build.test.ts finds in the built bundle (it fails on anything outside IE11 that is not
// here). Each one is installed only where the engine has none (Edge Legacy keeps its own), and follows the
// standard for the uses the bundle makes of it. Compiled for ES5 like the rest of the legacy pane; no package
// (core-js is not a dependency, and a few hundred lines serve).
//
//   globalThis                      the Office host reads Office/Excel from it
//   Symbol (iterator, for, toStringTag)  TypeScript's downlevelIteration helpers and decimal.js
//   Map, Set                        IE11's own have no iterators and ignore constructor arguments
//   Promise                         the async/await TypeScript compiles to (__awaiter) and the Office host
//   Object.assign/entries/values/fromEntries, Array.from, Array.prototype.includes/find/flatMap,
//   String.prototype.includes/startsWith/endsWith/padStart/normalize, String.fromCodePoint,
//   Number.isFinite/isInteger/isNaN
import { nfkc } from './nfkc';

type AnyFn = (...args: any[]) => any;

const root: any =
  typeof window !== 'undefined'
    ? window
    : typeof self !== 'undefined'
      ? self
      : (Function('return this')() as any);

function define(target: any, name: string, value: unknown): void {
  if (typeof target[name] === 'function' || (name === 'globalThis' && target[name])) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

// ---- globalThis ----------------------------------------------------------------------------------------
define(root, 'globalThis', root);

// ---- Symbol: string keys that stand in for symbols (what TypeScript's helpers and decimal.js need) -------
if (typeof root.Symbol !== 'function') {
  let counter = 0;
  const registry: Record<string, string> = {};
  const SymbolPolyfill: any = function Symbol(description?: string): string {
    counter += 1;
    return `@@${description === undefined ? '' : String(description)}@${counter}`;
  };
  SymbolPolyfill.iterator = '@@iterator';
  SymbolPolyfill.toStringTag = '@@toStringTag';
  SymbolPolyfill.for = (key: string): string => {
    const k = String(key);
    if (!Object.prototype.hasOwnProperty.call(registry, k)) registry[k] = `@@for:${k}`;
    return registry[k];
  };
  root.Symbol = SymbolPolyfill;
}
const ITERATOR: string = root.Symbol.iterator;

interface IterResult<T> {
  value: T;
  done: boolean;
}
interface Iter<T> {
  next(): IterResult<T>;
}

function makeIterator<T>(next: () => IterResult<T>): Iter<T> {
  const it: any = { next };
  it[ITERATOR] = function (this: unknown) {
    return this;
  };
  return it;
}

/** Iterates an iterable (by Symbol.iterator) or an array-like, as for-of would. */
function forOf(items: any, each: (v: any) => void): void {
  if (items === null || items === undefined) throw new TypeError(`${String(items)} is not iterable`);
  const method = items[ITERATOR];
  if (typeof method === 'function') {
    const it: Iter<unknown> = method.call(items);
    for (let step = it.next(); !step.done; step = it.next()) each(step.value);
    return;
  }
  for (let i = 0; i < items.length; i++) each(items[i]);
}

// Strings iterate by code point (for-of over a string, Array.from(string)).
if (typeof (String.prototype as any)[ITERATOR] !== 'function') {
  define(String.prototype, ITERATOR, function (this: string) {
    const s = String(this);
    let i = 0;
    return makeIterator(() => {
      if (i >= s.length) return { value: undefined as unknown as string, done: true };
      const c = s.charCodeAt(i);
      const n = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      const len = n >= 0xdc00 && n <= 0xdfff ? 2 : 1;
      const value = s.substr(i, len);
      i += len;
      return { value, done: false };
    });
  });
}
if (typeof (Array.prototype as any)[ITERATOR] !== 'function') {
  define(Array.prototype, ITERATOR, function (this: unknown[]) {
    const a = this;
    let i = 0;
    return makeIterator(() =>
      i < a.length ? { value: a[i++], done: false } : { value: undefined, done: true },
    );
  });
}

// ---- Map and Set: insertion order, SameValueZero, iterators ---------------------------------------------
function sameValueZero(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}

function nativeCollectionWorks(Ctor: any, probe: unknown[]): boolean {
  try {
    const c = new Ctor(probe);
    return c.size === 1 && typeof c.keys === 'function' && typeof c[ITERATOR] === 'function';
  } catch {
    return false;
  }
}

/** The entries of a Map or Set polyfill: keys and values side by side; deleted ones become holes. */
class Entries {
  keys: unknown[] = [];
  values: unknown[] = [];
  deleted: boolean[] = [];
  size = 0;
  index(key: unknown): number {
    for (let i = 0; i < this.keys.length; i++) {
      if (!this.deleted[i] && sameValueZero(this.keys[i], key)) return i;
    }
    return -1;
  }
  set(key: unknown, value: unknown): void {
    const i = this.index(key);
    if (i >= 0) {
      this.values[i] = value;
      return;
    }
    this.keys.push(key === 0 ? 0 : key); // -0 is stored as +0
    this.values.push(value);
    this.deleted.push(false);
    this.size += 1;
  }
  remove(key: unknown): boolean {
    const i = this.index(key);
    if (i < 0) return false;
    this.deleted[i] = true;
    this.keys[i] = undefined;
    this.values[i] = undefined;
    this.size -= 1;
    return true;
  }
  clear(): void {
    for (let i = 0; i < this.keys.length; i++) {
      this.deleted[i] = true;
      this.keys[i] = undefined;
      this.values[i] = undefined;
    }
    this.size = 0;
  }
  /** Live iteration: entries added while iterating are visited, deleted ones are skipped. */
  iterate<T>(pick: (k: unknown, v: unknown) => T): Iter<T> {
    let i = 0;
    return makeIterator(() => {
      while (i < this.keys.length) {
        const at = i++;
        if (!this.deleted[at]) return { value: pick(this.keys[at], this.values[at]), done: false };
      }
      return { value: undefined as unknown as T, done: true };
    });
  }
}

if (!nativeCollectionWorks(root.Map, [[1, 1]])) {
  const MapPolyfill: any = function Map(this: any, items?: unknown) {
    if (!(this instanceof MapPolyfill)) throw new TypeError("Constructor Map requires 'new'");
    Object.defineProperty(this, '_e', { value: new Entries() });
    if (items !== null && items !== undefined) {
      forOf(items, (pair: any) => {
        if (Object(pair) !== pair) throw new TypeError('Iterator value is not an entry object');
        this.set(pair[0], pair[1]);
      });
    }
  };
  const p = MapPolyfill.prototype;
  p.get = function (this: any, key: unknown) {
    const i = this._e.index(key);
    return i >= 0 ? this._e.values[i] : undefined;
  };
  p.set = function (this: any, key: unknown, value: unknown) {
    this._e.set(key, value);
    return this;
  };
  p.has = function (this: any, key: unknown) {
    return this._e.index(key) >= 0;
  };
  p.delete = function (this: any, key: unknown) {
    return this._e.remove(key);
  };
  p.clear = function (this: any) {
    this._e.clear();
  };
  p.forEach = function (this: any, fn: AnyFn, thisArg?: unknown) {
    forOf(this.entries(), (e: [unknown, unknown]) => fn.call(thisArg, e[1], e[0], this));
  };
  p.keys = function (this: any) {
    return this._e.iterate((k: unknown) => k);
  };
  p.values = function (this: any) {
    return this._e.iterate((_k: unknown, v: unknown) => v);
  };
  p.entries = function (this: any) {
    return this._e.iterate((k: unknown, v: unknown) => [k, v]);
  };
  p[ITERATOR] = p.entries;
  Object.defineProperty(p, 'size', {
    get(this: any) {
      return this._e.size;
    },
  });
  root.Map = MapPolyfill;
}

if (!nativeCollectionWorks(root.Set, [1])) {
  const SetPolyfill: any = function Set(this: any, items?: unknown) {
    if (!(this instanceof SetPolyfill)) throw new TypeError("Constructor Set requires 'new'");
    Object.defineProperty(this, '_e', { value: new Entries() });
    if (items !== null && items !== undefined) forOf(items, (v: unknown) => this.add(v));
  };
  const p = SetPolyfill.prototype;
  p.add = function (this: any, value: unknown) {
    this._e.set(value, value);
    return this;
  };
  p.has = function (this: any, value: unknown) {
    return this._e.index(value) >= 0;
  };
  p.delete = function (this: any, value: unknown) {
    return this._e.remove(value);
  };
  p.clear = function (this: any) {
    this._e.clear();
  };
  p.forEach = function (this: any, fn: AnyFn, thisArg?: unknown) {
    forOf(this.values(), (v: unknown) => fn.call(thisArg, v, v, this));
  };
  p.values = function (this: any) {
    return this._e.iterate((k: unknown) => k);
  };
  p.keys = p.values;
  p.entries = function (this: any) {
    return this._e.iterate((k: unknown) => [k, k]);
  };
  p[ITERATOR] = p.values;
  Object.defineProperty(p, 'size', {
    get(this: any) {
      return this._e.size;
    },
  });
  root.Set = SetPolyfill;
}

// ---- Promise (Promises/A+, with resolve, reject, all, race, catch, finally) ------------------------------
if (typeof root.Promise !== 'function') {
  const PENDING = 0;
  const FULFILLED = 1;
  const REJECTED = 2;
  /** Runs reactions after the current script, in order (the job queue). */
  const queue: Array<() => void> = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    while (queue.length > 0) (queue.shift() as () => void)();
  };
  const later = (job: () => void): void => {
    queue.push(job);
    if (!scheduled) {
      scheduled = true;
      setTimeout(flush, 0);
    }
  };

  const PromisePolyfill: any = function Promise(this: any, executor: AnyFn) {
    if (!(this instanceof PromisePolyfill)) throw new TypeError("Constructor Promise requires 'new'");
    if (typeof executor !== 'function') throw new TypeError('Promise resolver is not a function');
    this._state = PENDING;
    this._value = undefined;
    this._reactions = [];
    const once = settleOnce(this);
    try {
      executor(once.resolve, once.reject);
    } catch (e) {
      once.reject(e);
    }
  };

  const settle = (p: any, state: number, value: unknown): void => {
    if (p._state !== PENDING) return;
    p._state = state;
    p._value = value;
    const reactions = p._reactions;
    p._reactions = [];
    for (let i = 0; i < reactions.length; i++) react(p, reactions[i]);
  };

  const resolveWith = (p: any, x: any): void => {
    if (x === p) {
      settle(p, REJECTED, new TypeError('A promise cannot be resolved with itself'));
      return;
    }
    if (x !== null && (typeof x === 'object' || typeof x === 'function')) {
      let then: unknown;
      try {
        then = x.then;
      } catch (e) {
        settle(p, REJECTED, e);
        return;
      }
      if (typeof then === 'function') {
        const once = settleOnce(p);
        try {
          then.call(x, once.resolve, once.reject);
        } catch (e) {
          once.reject(e);
        }
        return;
      }
    }
    settle(p, FULFILLED, x);
  };

  function settleOnce(p: any): { resolve: (v: unknown) => void; reject: (e: unknown) => void } {
    let done = false;
    return {
      resolve: (v) => {
        if (done) return;
        done = true;
        resolveWith(p, v);
      },
      reject: (e) => {
        if (done) return;
        done = true;
        settle(p, REJECTED, e);
      },
    };
  }

  interface Reaction {
    onFulfilled: unknown;
    onRejected: unknown;
    next: any;
  }

  function react(p: any, r: Reaction): void {
    later(() => {
      const handler = p._state === FULFILLED ? r.onFulfilled : r.onRejected;
      if (typeof handler !== 'function') {
        if (p._state === FULFILLED) resolveWith(r.next, p._value);
        else settle(r.next, REJECTED, p._value);
        return;
      }
      let result: unknown;
      try {
        result = (handler as AnyFn)(p._value);
      } catch (e) {
        settle(r.next, REJECTED, e);
        return;
      }
      resolveWith(r.next, result);
    });
  }

  const proto = PromisePolyfill.prototype;
  proto.then = function (this: any, onFulfilled?: unknown, onRejected?: unknown) {
    const next = new PromisePolyfill(() => undefined);
    const reaction: Reaction = { onFulfilled, onRejected, next };
    if (this._state === PENDING) this._reactions.push(reaction);
    else react(this, reaction);
    return next;
  };
  proto.catch = function (this: any, onRejected?: unknown) {
    return this.then(undefined, onRejected);
  };
  proto.finally = function (this: any, onFinally: AnyFn) {
    if (typeof onFinally !== 'function') return this.then(onFinally, onFinally);
    return this.then(
      (v: unknown) => PromisePolyfill.resolve(onFinally()).then(() => v),
      (e: unknown) =>
        PromisePolyfill.resolve(onFinally()).then(() => {
          throw e;
        }),
    );
  };
  PromisePolyfill.resolve = (v: unknown): any =>
    v instanceof PromisePolyfill ? v : new PromisePolyfill((res: AnyFn) => res(v));
  PromisePolyfill.reject = (e: unknown): any => new PromisePolyfill((_res: AnyFn, rej: AnyFn) => rej(e));
  PromisePolyfill.all = (items: unknown): any =>
    new PromisePolyfill((res: AnyFn, rej: AnyFn) => {
      const values: unknown[] = [];
      let waiting = 0;
      let index = 0;
      forOf(items, (item: unknown) => {
        const at = index++;
        waiting += 1;
        PromisePolyfill.resolve(item).then((v: unknown) => {
          values[at] = v;
          waiting -= 1;
          if (waiting === 0) res(values);
        }, rej);
      });
      if (waiting === 0) res(values);
    });
  PromisePolyfill.race = (items: unknown): any =>
    new PromisePolyfill((res: AnyFn, rej: AnyFn) => {
      forOf(items, (item: unknown) => PromisePolyfill.resolve(item).then(res, rej));
    });
  root.Promise = PromisePolyfill;
}

// ---- Object, Array, String, Number ----------------------------------------------------------------------
define(Object, 'assign', function assign(target: any, ...sources: any[]) {
  if (target === null || target === undefined)
    throw new TypeError('Cannot convert undefined or null to object');
  const to = Object(target);
  for (let i = 0; i < sources.length; i++) {
    const from = sources[i];
    if (from === null || from === undefined) continue;
    for (const key in from) if (Object.prototype.hasOwnProperty.call(from, key)) to[key] = from[key];
  }
  return to;
});
define(Object, 'entries', (o: any) => Object.keys(o).map((k) => [k, o[k]]));
define(Object, 'values', (o: any) => Object.keys(o).map((k) => o[k]));
define(Object, 'fromEntries', (items: unknown) => {
  const out: Record<string, unknown> = {};
  forOf(items, (pair: any) => {
    out[String(pair[0])] = pair[1];
  });
  return out;
});

define(Array, 'from', function from(items: any, map?: AnyFn, thisArg?: unknown) {
  if (items === null || items === undefined) throw new TypeError('Array.from requires an array-like object');
  const out: unknown[] = [];
  forOf(typeof items === 'string' ? items : Object(items), (v: unknown) =>
    out.push(map ? map.call(thisArg, v, out.length) : v),
  );
  return out;
});
define(Array.prototype, 'includes', function includes(this: any[], search: unknown, fromIndex?: number) {
  const len = this.length >>> 0;
  let i = Math.max(fromIndex ? Math.floor(fromIndex) || 0 : 0, 0);
  if (fromIndex !== undefined && fromIndex < 0) i = Math.max(len + Math.floor(fromIndex), 0);
  for (; i < len; i++) if (sameValueZero(this[i], search)) return true;
  return false;
});
define(Array.prototype, 'find', function find(this: any[], fn: AnyFn, thisArg?: unknown) {
  for (let i = 0; i < this.length; i++) if (fn.call(thisArg, this[i], i, this)) return this[i];
  return undefined;
});
define(Array.prototype, 'flatMap', function flatMap(this: any[], fn: AnyFn, thisArg?: unknown) {
  const out: unknown[] = [];
  for (let i = 0; i < this.length; i++) {
    if (!(i in this)) continue;
    const r = fn.call(thisArg, this[i], i, this);
    if (Array.isArray(r)) for (let j = 0; j < r.length; j++) out.push(r[j]);
    else out.push(r);
  }
  return out;
});

define(String.prototype, 'includes', function includes(this: string, search: string, position?: number) {
  return String(this).indexOf(String(search), position || 0) !== -1;
});
define(String.prototype, 'startsWith', function startsWith(this: string, search: string, position?: number) {
  const s = String(this);
  const at = Math.max(Math.min(position || 0, s.length), 0);
  return s.substr(at, String(search).length) === String(search);
});
define(String.prototype, 'endsWith', function endsWith(this: string, search: string, endPosition?: number) {
  const s = String(this);
  const end = endPosition === undefined ? s.length : Math.max(Math.min(endPosition, s.length), 0);
  const needle = String(search);
  const start = end - needle.length;
  return start >= 0 && s.substring(start, end) === needle;
});
define(
  String.prototype,
  'padStart',
  function padStart(this: string, targetLength: number, padString?: string) {
    const s = String(this);
    const fillWith = padString === undefined ? ' ' : String(padString);
    const missing = (targetLength >> 0) - s.length;
    if (missing <= 0 || fillWith === '') return s;
    let pad = '';
    while (pad.length < missing) pad += fillWith;
    return pad.slice(0, missing) + s;
  },
);
// NFKC from a table generated from the real one (see nfkc.ts for what it does not do).
define(String.prototype, 'normalize', function normalize(this: string, form?: string) {
  const f = form === undefined ? 'NFC' : String(form);
  if (f !== 'NFC' && f !== 'NFD' && f !== 'NFKC' && f !== 'NFKD')
    throw new RangeError(`Invalid normalization form: ${f}`);
  if (f !== 'NFKC') throw new RangeError(`${f} is not available in this browser`);
  return nfkc(String(this));
});
define(String, 'fromCodePoint', function fromCodePoint(...codes: number[]) {
  let out = '';
  for (let i = 0; i < codes.length; i++) {
    const c = Number(codes[i]);
    if (!(c >= 0 && c <= 0x10ffff) || Math.floor(c) !== c) throw new RangeError(`Invalid code point ${c}`);
    if (c <= 0xffff) out += String.fromCharCode(c);
    else out += String.fromCharCode(0xd800 + ((c - 0x10000) >> 10), 0xdc00 + ((c - 0x10000) & 0x3ff));
  }
  return out;
});

define(Number, 'isFinite', (v: unknown) => typeof v === 'number' && isFinite(v));
define(Number, 'isInteger', (v: unknown) => typeof v === 'number' && isFinite(v) && Math.floor(v) === v);
define(Number, 'isNaN', (v: unknown) => typeof v === 'number' && v !== v);

export {};
