// A window as Internet Explorer 11 gives it to a script, as near as jsdom allows: the built-ins IE11 lacks are
// taken out of the window's own JavaScript realm before the legacy bundle runs, so that the bundle works only
// if its polyfills put them back. (jsdom's own DOM code runs in Node's realm and keeps its built-ins.)
import { JSDOM } from 'jsdom';

/** What IE11 does not have: ES2015+ globals, statics and prototype methods the bundle could reach for. */
const REMOVED = `
  delete window.Promise; delete window.Map; delete window.Set; delete window.Symbol; delete window.fetch;
  delete window.Proxy; delete window.Reflect; delete window.globalThis; delete window.queueMicrotask;
  delete Object.assign; delete Object.entries; delete Object.values; delete Object.fromEntries; delete Object.is;
  delete Array.from; delete Array.of; delete Array.prototype.includes; delete Array.prototype.flatMap;
  delete Array.prototype.flat; delete Array.prototype.find; delete Array.prototype.findIndex;
  delete Array.prototype.fill; delete Array.prototype.entries; delete Array.prototype.keys;
  delete Array.prototype.values; delete Array.prototype.at;
  delete String.prototype.includes; delete String.prototype.startsWith; delete String.prototype.endsWith;
  delete String.prototype.padStart; delete String.prototype.padEnd; delete String.prototype.repeat;
  delete String.prototype.normalize; delete String.prototype.codePointAt; delete String.prototype.at;
  delete String.prototype.trimStart; delete String.prototype.trimEnd; delete String.prototype.replaceAll;
  delete String.fromCodePoint;
  delete Number.isFinite; delete Number.isInteger; delete Number.isNaN; delete Number.EPSILON;
  delete Math.trunc; delete Math.sign;
`;

/** Names that must be absent after REMOVED ran (checked, so that a realm that kept them fails the test). */
export const ABSENT = [
  'typeof Promise',
  'typeof Map',
  'typeof Set',
  'typeof Symbol',
  'typeof Object.assign',
  'typeof Array.from',
  'typeof "".normalize',
  'typeof "".includes',
  'typeof [].includes',
];

export function ie11Window(): JSDOM {
  const dom = new JSDOM(
    '<!doctype html><html lang="zh-CN"><head></head><body><div id="container"></div></body></html>',
    { runScripts: 'outside-only', url: 'https://localhost:3000/taskpane.html', pretendToBeVisual: true },
  );
  dom.window.eval(REMOVED);
  return dom;
}
