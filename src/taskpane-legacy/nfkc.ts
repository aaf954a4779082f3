// NFKC normalisation for engines without String.prototype.normalize (Internet Explorer 11), from a table
// generated from the real one (nfkc-table.ts; test/legacy/nfkc.test.ts checks it against this Node). The core
// normalises every label of the form with NFKC (full-width letters, digits and punctuation, the ideographic
// space, compatibility ideographs …), so the legacy pane must read the form exactly as the modern one does.
//
// Character by character: exact for every single BMP character and for text without combining marks or
// conjoining Hangul jamo (what a form's labels and figures are made of). It does not reorder or compose
// combining sequences ("e" + U+0301 stays two characters), and leaves characters outside the BMP as they are.
import { NFKC_TABLE } from './nfkc-table';

let table: Record<number, string> | null = null;

function load(): Record<number, string> {
  const out: Record<number, string> = {};
  const records = NFKC_TABLE.split('|');
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const colon = r.indexOf(':');
    if (colon > 0) {
      out[parseInt(r.slice(0, colon), 36)] = r.slice(colon + 1);
      continue;
    }
    const parts = r.split(',');
    const c = parseInt(parts[0], 36);
    const n = parseInt(parts[1], 36);
    const t = parseInt(parts[2], 36);
    for (let k = 0; k < n; k++) out[c + k] = String.fromCharCode(t + k);
  }
  return out;
}

/** The NFKC form of `s`, character by character (see above). */
export function nfkc(s: string): string {
  if (!table) table = load();
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const mapped = table[s.charCodeAt(i)];
    out += mapped === undefined ? s.charAt(i) : mapped;
  }
  return out;
}
