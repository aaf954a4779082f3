// Display helpers: string operations on the report's decimal strings, never arithmetic.

/** "965043.97" → "965,043.97"; anything that is not a plain decimal is returned as it is. */
export function groupDigits(s: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(s);
  if (!m) return s;
  return m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (m[3] ?? '');
}

/** A report percentage ("97.34") as shown ("97.34%"). */
export function percent(s: string): string {
  return `${s}%`;
}

/** A value or a dash for null. */
export function orDash(s: string | null | undefined, show: (v: string) => string = (v) => v): string {
  return s === null || s === undefined || s === '' ? '—' : show(s);
}
