// One sync that apply() and restore() start with: the add-in's record (custom XML parts, or the document
// setting), the sheets with their protection, the threaded comments, and whether the command line's record
// sheet is there.
import {
  parseRecord,
  RESTORE_NAMESPACE,
  RESTORE_SETTING,
  SHEET_RECORD_NAME,
  type RestoreRecord,
} from '../record';
import type { OfficeEnv } from './env';

export interface SheetInfo {
  name: string;
  protected: boolean;
}

export interface Survey {
  parts: Excel.CustomXmlPart[];
  settingsRecord: RestoreRecord | null;
  /** The name of the command line's record sheet (selfeval_restore) when the workbook has one. */
  cliSheet: string | null;
  /** By lower-case name. */
  sheets: Map<string, SheetInfo>;
  comments: Excel.Comment[];
  /** Custom XML parts answered (ExcelApi 1.5 and no failure: on Excel for iPad with an unsaved file any request
   *  for them fails, office-js#3936); when false the record goes to the document settings (F10). */
  partsOk: boolean;
  /** Workbook structure protection (ExcelApi 1.7): no sheet can be added or deleted (F8). */
  structureProtected: boolean;
}

/** The record parts of our namespace (ExcelApi 1.5), queued for the next sync; null below 1.5. */
export function recordParts(
  env: OfficeEnv,
  context: Excel.RequestContext,
): Excel.CustomXmlPartScopedCollection | null {
  return env.supports('1.5')
    ? context.workbook.customXmlParts.getByNamespace(RESTORE_NAMESPACE).load('items/id')
    : null;
}

/** The record in the document setting (before ExcelApi 1.5, or cells a restore left), or null. */
export function settingsRecord(env: OfficeEnv): RestoreRecord | null {
  return parseRecord(env.getSetting(RESTORE_SETTING));
}

export async function survey(env: OfficeEnv, context: Excel.RequestContext): Promise<Survey> {
  if (!env.supports('1.5')) return surveyOnce(env, context, false);
  try {
    return await surveyOnce(env, context, true);
  } catch {
    // Custom XML parts failing (F10): once more without them (a sync more, only then).
    return surveyOnce(env, context, false);
  }
}

async function surveyOnce(
  env: OfficeEnv,
  context: Excel.RequestContext,
  withParts: boolean,
): Promise<Survey> {
  const parts = withParts ? recordParts(env, context) : null;
  const protection = env.supports('1.7') ? context.workbook.protection.load('protected') : null;
  const worksheets = context.workbook.worksheets.load(
    env.supports('1.2') ? 'items/name,items/protection/protected' : 'items/name',
  );
  const comments = env.supports('1.10') ? context.workbook.comments.load('items/id,items/content') : null;
  await context.sync();
  const sheets = new Map<string, SheetInfo>();
  for (const ws of worksheets.items) {
    sheets.set(ws.name.toLowerCase(), {
      name: ws.name,
      protected: env.supports('1.2') ? ws.protection.protected : false,
    });
  }
  return {
    parts: parts ? parts.items : [],
    settingsRecord: settingsRecord(env),
    cliSheet: sheets.get(SHEET_RECORD_NAME)?.name ?? null,
    sheets,
    comments: comments ? comments.items : [],
    partsOk: parts !== null,
    structureProtected: protection ? protection.protected : false,
  };
}
