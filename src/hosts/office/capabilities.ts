// Requirement sets. The host needs ExcelApi 1.4 and nothing newer (Worksheet.getUsedRangeOrNullObject and
// WorksheetCollection.getItemOrNullObject; Range.values / formulas / numberFormat, RangeFill, RangeFont,
// Range.select are 1.1, WorksheetProtection and RangeFormat.columnWidth 1.2). Everything newer is used only
// after Office.context.requirements.isSetSupported:
//   1.5  workbook.customXmlParts      the restore record (else: document settings)
//   1.7  Workbook.name, Range.hyperlink  the workbook's name (else: the document URL), links in 审核意见
//   1.9  RangeFill.pattern            tells "no fill" from a white fill (else white is taken as no fill)
//   1.10 workbook.comments            explanations as threaded comments when notes are not available
//   1.13 Range.getMergedAreasOrNullObject  merged areas (else none: the core fills level names down anyway)
//   1.18 worksheet.notes              explanations as notes
// Office 2019 (volume-licensed: ExcelApi 1.7, F14): comments are not available, explanations go to the 审核意见 sheet and the task pane.
// Office 2021 (1.14): comments and merged areas. Microsoft 365 (1.18+): notes.
import type { ExplanationMode, HostCapabilities } from '../../app/host';
import { compareVersions } from '../../core/versions';

/** The requirement set the add-in cannot work without (the manifest's minimum). */
export const MIN_EXCEL_API = '1.4';

/** The ExcelApi versions asked about for the About box: 1.1 to 1.20. */
const KNOWN_VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);

/** Whether Excel has ExcelApi `version` (Office.context.requirements.isSetSupported). */
export type Supports = (version: string) => boolean;

/** Notes from 1.18, threaded comments from 1.10, else neither (the 审核意见 sheet and the task pane). */
export function explanationMode(supports: Supports): ExplanationMode {
  if (supports('1.18')) return 'note';
  if (supports('1.10')) return 'comment';
  return 'none';
}

export function hostCapabilities(supports: Supports): HostCapabilities {
  const excelApi = KNOWN_VERSIONS.filter(supports).reduce(
    (best, v) => (compareVersions(v, best) > 0 ? v : best),
    '1.1',
  );
  return { excelApi, explanation: explanationMode(supports), mergedAreas: supports('1.13') };
}
