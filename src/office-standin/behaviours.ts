// What the stand-in does where nobody has yet seen what real Excel does. Microsoft's documentation is silent or the
// sources disagree on each of these (the UNVERIFIED items of the review of the Office host, F2–F14); the
// stand-in offers every plausible answer as an option of createFakeOffice, so that a host's tests can run against
// all of them (`behaviourCombinations()`), and the self-test in real Excel settles which one is true.
// Faults are different: they are documented or reported failures that happen only in some situations (an iPad
// with an unsaved file, another workbook taking focus), injected on demand.

/** Every UNVERIFIED behaviour: its possible answers (the first is the default) and where the question comes from. */
export const UNVERIFIED_BEHAVIOURS = {
  /** NoteCollection.add on a cell with a threaded comment. A cell holds one or the other ("The difference between
   *  threaded comments and notes", linked from
   *  https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes); the error Excel gives is unknown,
   *  and so is whether it refuses at all rather than replacing the thread. */
  noteOnCommentedCell: ['InvalidOperation', 'GeneralException', 'replaces'],
  /** CommentCollection.add on a cell with a note: the same rule seen from the other side. */
  commentOnNotedCell: ['InvalidOperation', 'GeneralException', 'replaces'],
  /** Range.getMergedAreasOrNullObject over more than 512 merged areas "will fail to return the result"
   *  (@types/office-js 1.0.612 index.d.ts:39143): an exception, or a null object? */
  mergedAreasOver512: ['throws', 'null-object'],
  /** A get of more than five million cells: "On all platforms, a range is limited to five million cells for get
   *  operations" with RangeExceedsLimit (application-specific-api-error-handling.md; index.d.ts:70149), but
   *  "In some cases, `Range.values` returns `null` instead" (performance.md, office-js-docs-pr#5821).
   *  https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices */
  overFiveMillionCells: ['RangeExceedsLimit', 'values-null'],
  /** How a cell without fill reads through RangeFill.pattern (ExcelApi 1.9): null for No Fill and white alike, as
   *  office-js#4900 reports of real Excel (the default: the only report there is), or 'None' as the typings suggest. Either way `color` is "#FFFFFF" (office-js#4900, #6218) and
   *  `tintAndShade` is null for No Fill and a number for a colour (Microsoft's answer in #4900).
   *  https://github.com/OfficeDev/office-js/issues/4900 · https://github.com/OfficeDev/office-js/issues/6218 */
  noFillPattern: ['null', 'None'],
  /** Note and comment text read back: exactly as written, or with "\r\n" line ends (F6). */
  lineEndings: ['as-written', 'crlf'],
  /** A number written through Range.values into a Text-formatted ('@') cell (F12): kept as a number, or stored as
   *  text as Excel's UI does with a typed entry. */
  numberIntoTextCell: ['number', 'text'],
  /** The error of a sheet operation refused by workbook structure protection (ExcelApi 1.7 WorkbookProtection,
   *  index.d.ts:37153): the code is not documented. */
  structureProtectionError: ['InvalidOperation', 'AccessDenied', 'GeneralException'],
  /** A sync whose action fails: the actions before it stay applied, as issue reports suggest though no document
   *  says so (excel-behaviours.md §2.18), or nothing of the batch is applied. */
  failedBatch: ['keeps-earlier-actions', 'rolls-back'],
} as const;

export type UnverifiedBehaviour = keyof typeof UNVERIFIED_BEHAVIOURS;

export type FakeBehaviours = {
  [K in UnverifiedBehaviour]: (typeof UNVERIFIED_BEHAVIOURS)[K][number];
};

/** The default of each behaviour: the first answer of its list. */
export const DEFAULT_BEHAVIOURS: FakeBehaviours = Object.fromEntries(
  Object.entries(UNVERIFIED_BEHAVIOURS).map(([k, values]) => [k, values[0]]),
) as FakeBehaviours;

/** The defaults with `chosen` over them, every name and value checked (a typo must not silently test nothing). */
export function resolveBehaviours(chosen: Partial<FakeBehaviours> = {}): FakeBehaviours {
  const out: Record<string, string> = { ...DEFAULT_BEHAVIOURS };
  for (const [k, v] of Object.entries(chosen)) {
    const values = (UNVERIFIED_BEHAVIOURS as Record<string, readonly string[]>)[k];
    if (!values) throw new Error(`unknown stand-in behaviour "${k}"`);
    if (v === undefined) continue;
    if (!values.includes(v)) throw new Error(`stand-in behaviour ${k} has no answer "${String(v)}"`);
    out[k] = v;
  }
  return out as FakeBehaviours;
}

/** Every combination of the answers of `names` (default: all behaviours), the others at their default: what a
 *  host's tests run against so that they pass whatever real Excel turns out to do. */
export function behaviourCombinations(
  names: readonly UnverifiedBehaviour[] = Object.keys(UNVERIFIED_BEHAVIOURS) as UnverifiedBehaviour[],
): FakeBehaviours[] {
  let out: FakeBehaviours[] = [{ ...DEFAULT_BEHAVIOURS }];
  for (const name of names) {
    out = out.flatMap((b) =>
      (UNVERIFIED_BEHAVIOURS[name] as readonly string[]).map((v) => ({ ...b, [name]: v }) as FakeBehaviours),
    );
  }
  return out;
}

/** Sheet operations that fail when another workbook gains focus while they run, on Windows and Mac: add and
 *  activate with GeneralException, delete with InvalidSelection, and select is "affected the same way"
 *  (excel-add-ins-troubleshooting.md, "API limitations when the active workbook switches",
 *  https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-troubleshooting). */
export const FOCUS_LOSS_OPERATIONS = [
  'WorksheetCollection.add',
  'Worksheet.activate',
  'Worksheet.delete',
  'Range.select',
] as const;
export type FocusLossOperation = (typeof FOCUS_LOSS_OPERATIONS)[number];

/** Failures to inject: documented or reported, but only in some situations. */
export interface FakeFaults {
  /** Another workbook takes focus: these operations fail (the first `times` of them, default every one). */
  focusLoss?: { operations: readonly FocusLossOperation[]; times?: number };
  /** Any request touching customXmlParts fails with GeneralException at sync, as on Excel for iPad with an unsaved
   *  file (https://github.com/OfficeDev/office-js/issues/3936). */
  customXmlParts?: 'GeneralException';
  /** Office.context.document.settings.saveAsync reports failure: 'fails' saves nothing; 'fails-but-saves' saves
   *  and still reports failure, as seen on Excel on the web (https://github.com/OfficeDev/office-js/issues/761). */
  settingsSave?: 'fails' | 'fails-but-saves';
}
