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
  const parts = recordParts(env, context);
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
  };
}
