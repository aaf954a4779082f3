// The ExcelApi requirement set the add-in cannot work without: the Office host's own statement (see the top of
// src/hosts/office/index.ts for what each newer set adds). manifest.xml (<Requirements>) and the README state the
// same number; test/addin/manifest.test.ts keeps them in step.
export { MIN_EXCEL_API } from '../hosts/office';
import { MIN_EXCEL_API } from '../hosts/office';

/** Compares "1.8" with "1.10" as versions (1.10 is newer), not as decimals. */
export function compareApiVersions(a: string, b: string): number {
  const pa = a.split('.').map((p) => parseInt(p, 10) || 0);
  const pb = b.split('.').map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** Whether the reported ExcelApi level reaches `needed`; an unknown level ("" / "?") is given the benefit of doubt. */
export function meetsRequirement(have: string, needed: string = MIN_EXCEL_API): boolean {
  if (!/^\d+(\.\d+)*$/.test(have)) return true;
  return compareApiVersions(have, needed) >= 0;
}
