// What Internet Explorer 11 (Trident, the webview of Office 2019 volume-licensed and older) offers a script, and
// a scanner that lists what a built script uses beyond it. Edge Legacy (EdgeHTML 18) offers more, so a script
// that stays within this set runs there too. Sources: the ECMAScript 5.1 standard; Microsoft's "JavaScript
// version information" for IE11 (Map, Set and WeakMap exist but without iterators or constructor arguments,
// so they are replaced by our polyfill); MDN's browser-compatibility tables for the DOM members.
import * as acorn from 'acorn';

/** Globals a script may name in IE11 (ES5, plus the DOM and office.js). */
export const IE11_GLOBALS = new Set([
  // ES5
  'Array',
  'Boolean',
  'Date',
  'Error',
  'EvalError',
  'Function',
  'Infinity',
  'JSON',
  'Math',
  'NaN',
  'Number',
  'Object',
  'RangeError',
  'ReferenceError',
  'RegExp',
  'String',
  'SyntaxError',
  'TypeError',
  'URIError',
  'arguments',
  'decodeURI',
  'decodeURIComponent',
  'encodeURI',
  'encodeURIComponent',
  'eval',
  'isFinite',
  'isNaN',
  'parseFloat',
  'parseInt',
  'undefined',
  // ES2015 in IE11 (typed arrays and Intl are complete enough; Map/Set/WeakMap are not: see POLYFILLED)
  'ArrayBuffer',
  'DataView',
  'Float32Array',
  'Float64Array',
  'Int16Array',
  'Int32Array',
  'Int8Array',
  'Intl',
  'Uint16Array',
  'Uint32Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'WeakMap',
  // The DOM of IE11
  'console',
  'clearInterval',
  'clearTimeout',
  'document',
  'getComputedStyle',
  'location',
  'navigator',
  'requestAnimationFrame',
  'self',
  'setInterval',
  'setTimeout',
  'window',
  // office.js
  'Excel',
  'Office',
  'OfficeExtension',
]);

/** Members of the built-in constructors that IE11 has (ES5 and the few ES2015 ones IE11 implements). */
export const IE11_STATICS: Record<string, readonly string[]> = {
  Object: [
    'create',
    'defineProperties',
    'defineProperty',
    'freeze',
    'getOwnPropertyDescriptor',
    'getOwnPropertyNames',
    'getPrototypeOf',
    'isExtensible',
    'isFrozen',
    'isSealed',
    'keys',
    'preventExtensions',
    'prototype',
    'seal',
    'setPrototypeOf', // IE11 has it
  ],
  Array: ['isArray', 'prototype'],
  String: ['fromCharCode', 'prototype'],
  Number: ['MAX_VALUE', 'MIN_VALUE', 'NEGATIVE_INFINITY', 'POSITIVE_INFINITY', 'NaN', 'prototype'],
  Math: [
    'E',
    'LN10',
    'LN2',
    'LOG10E',
    'LOG2E',
    'PI',
    'SQRT1_2',
    'SQRT2',
    'abs',
    'acos',
    'asin',
    'atan',
    'atan2',
    'ceil',
    'cos',
    'exp',
    'floor',
    'log',
    'max',
    'min',
    'pow',
    'random',
    'round',
    'sin',
    'sqrt',
    'tan',
  ],
  JSON: ['parse', 'stringify'],
  Date: ['UTC', 'now', 'parse', 'prototype'],
  RegExp: ['prototype'],
  Function: ['prototype'],
  Error: ['prototype', 'captureStackTrace'], // captureStackTrace: only ever feature-tested
};

/**
 * Methods added to the built-in prototypes after ES5, and DOM members newer than IE11. A call of one of these
 * names (`x.includes(…)`) is flagged whatever `x` is: the scanner cannot know the receiver's type, and our own
 * code does not use these names for anything else.
 */
export const NEWER_METHODS = new Set([
  // String.prototype (ES2015+)
  'codePointAt',
  'endsWith',
  'includes',
  'matchAll',
  'normalize',
  'padEnd',
  'padStart',
  'repeat',
  'replaceAll',
  'startsWith',
  'trimEnd',
  'trimStart',
  // Array.prototype (ES2015+)
  'at',
  'copyWithin',
  'entries',
  'fill',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flat',
  'flatMap',
  'keys',
  'values',
  'toSorted',
  'toReversed',
  // Promise.prototype (no native Promise in IE11)
  'finally',
  // The DOM after IE11
  'after',
  'animate',
  'append',
  'attachShadow',
  'before',
  'closest',
  'getRootNode',
  'prepend',
  'replaceChildren',
  'replaceWith',
  'toggleAttribute',
]);

/** Where a script uses something beyond IE11. */
export interface Use {
  kind: 'global' | 'static' | 'method';
  name: string;
}

type Node = acorn.Node & Record<string, unknown>;

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
}

/** Calls `visit(node, parent)` for every node of the tree. */
function walk(node: Node, parent: Node | null, visit: (n: Node, p: Node | null) => void): void {
  visit(node, parent);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) walk(child, node, visit);
    } else if (isNode(value)) walk(value, node, visit);
  }
}

function declaredNames(ast: Node): Set<string> {
  const names = new Set<string>();
  const addPattern = (p: unknown): void => {
    if (isNode(p) && p.type === 'Identifier') names.add(p.name as string);
  };
  walk(ast, null, (n) => {
    if (n.type === 'VariableDeclarator') addPattern(n.id);
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression') {
      addPattern(n.id);
      for (const p of n.params as unknown[]) addPattern(p);
    }
    if (n.type === 'CatchClause') addPattern(n.param);
  });
  return names;
}

/** Whether an Identifier is a reference to a variable (not a property name, a label, a declaration). */
function isReference(n: Node, parent: Node | null): boolean {
  if (!parent) return true;
  if (parent.type === 'MemberExpression' && parent.property === n && !parent.computed) return false;
  if (parent.type === 'Property' && parent.key === n && !parent.computed) return false;
  if (
    parent.type === 'LabeledStatement' ||
    parent.type === 'BreakStatement' ||
    parent.type === 'ContinueStatement'
  )
    return false;
  return true;
}

/** Everything an ES5 script names beyond IE11, except what `allowed` (the polyfills) lists. */
export function usesBeyondIE11(
  source: string,
  allowed: { globals: readonly string[]; statics: readonly string[]; methods: readonly string[] },
): Use[] {
  const ast = acorn.parse(source, { ecmaVersion: 5 }) as unknown as Node;
  const declared = declaredNames(ast);
  const found = new Map<string, Use>();
  const add = (u: Use): void => void found.set(`${u.kind}:${u.name}`, u);
  walk(ast, null, (n, parent) => {
    if (n.type === 'Identifier' && isReference(n, parent)) {
      const name = n.name as string;
      if (!declared.has(name) && !IE11_GLOBALS.has(name) && !allowed.globals.includes(name)) {
        add({ kind: 'global', name });
      }
    }
    if (n.type === 'MemberExpression' && !n.computed) {
      const object = n.object as Node;
      const property = (n.property as Node).name as string;
      if (object.type === 'Identifier' && !declared.has(object.name as string)) {
        const statics = IE11_STATICS[object.name as string];
        const name = `${object.name as string}.${property}`;
        if (statics && !statics.includes(property) && !allowed.statics.includes(name)) {
          add({ kind: 'static', name });
        }
      }
      if (
        parent &&
        parent.type === 'CallExpression' &&
        parent.callee === n &&
        NEWER_METHODS.has(property) &&
        !allowed.methods.includes(property)
      ) {
        add({ kind: 'method', name: property });
      }
    }
  });
  return [...found.values()].sort((a, b) => `${a.kind}:${a.name}`.localeCompare(`${b.kind}:${b.name}`));
}
