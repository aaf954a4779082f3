// The ExcelApi requirement set the add-in cannot work without: the Office host's own statement (see the top of
// src/hosts/office/capabilities.ts for what each newer set adds). manifest.xml (<Requirements>) and the README
// state the same number; test/addin/manifest.test.ts keeps them in step.
export { MIN_EXCEL_API } from '../hosts/office';
import { MIN_EXCEL_API } from '../hosts/office';
import { compareVersions as compareApiVersions } from '../core/versions';

/** Compares "1.8" with "1.10" as versions (1.10 is newer), not as decimals. */
export { compareApiVersions };

/** Whether the reported ExcelApi level reaches `needed`; an unknown level ("" / "?") is given the benefit of doubt. */
export function meetsRequirement(have: string, needed: string = MIN_EXCEL_API): boolean {
  if (!/^\d+(\.\d+)*$/.test(have)) return true;
  return compareApiVersions(have, needed) >= 0;
}
