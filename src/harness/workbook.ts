// The workbook behind the harness: an .xlsx opened with ExcelJS (the xlsx host's converters turn it into the
// model the stand-in Excel API works on) and saved back with everything the add-in did to it.
import type ExcelJS from 'exceljs';
import type { FakeWorkbookModel } from '../office-standin/model';
import { loadWorkbook, workbookBytes } from '../hosts/xlsx';
import { applyModelToWorkbook, workbookToModel } from './xlsx-model';

/** The sample form in examples/, served by `npm run demo` beside the built pages. */
export const SAMPLE_PATH = 'examples/2021-计生特殊家庭帮扶及权益维护.xlsx';

export interface OpenWorkbook {
  /** The file name, as the pane's report shows it. */
  name: string;
  /** The workbook as read; saving writes the model's differences into it, keeping all the styles it has. */
  workbook: ExcelJS.Workbook;
  model: FakeWorkbookModel;
}

/** Open .xlsx bytes (XlsxReadError, with a message in both languages, when they are not a workbook). */
export async function openWorkbook(bytes: ArrayBuffer, name: string): Promise<OpenWorkbook> {
  const workbook = await loadWorkbook(new Uint8Array(bytes));
  const model = workbookToModel(workbook, name);
  if (!model.activeSheet && model.sheets.length > 0) {
    model.activeSheet = (model.sheets.find((s) => s.visibility !== 'Hidden') ?? model.sheets[0]).name;
  }
  return { name, workbook, model };
}

/** The URL of a workbook the demo may open (the sample, or ?file=…): `path` resolved against the page, and only
 *  on the demo's own origin. "//host/x.xlsx", "https://host/x.xlsx" and the like would fetch from another
 *  site a link chose: refused with a clear error instead. */
export function demoFileUrl(path: string, base: string): string {
  let url: URL;
  try {
    url = new URL(path, base);
  } catch {
    throw new Error(`无法识别的文件地址 / not a file address: ${path}`);
  }
  if (url.origin !== new URL(base).origin) {
    throw new Error(
      `只能打开本演示站点上的文件，不能打开 ${url.origin} 的文件 / ` +
        `only files on the demo's own site can be opened, not from ${url.origin}`,
    );
  }
  return url.href;
}

/** Fetch a workbook served beside the harness (the sample, or ?file=…). */
export async function fetchWorkbook(url: string): Promise<OpenWorkbook> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`无法读取 / cannot fetch ${decoded(url)}: HTTP ${response.status}`);
  }
  return openWorkbook(await response.arrayBuffer(), fileNameOf(url) || 'workbook.xlsx');
}

/** The file name a path or URL ends in, decoded ("examples/%E8%A1%A8.xlsx" → "表.xlsx"). */
export function fileNameOf(path: string): string {
  return decoded(path.split('/').pop() ?? path);
}

/** A %-escaped text decoded, or as it is when its escapes are malformed ("100%"). */
function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The workbook as it now is, as .xlsx bytes: the opened file with the model's changes written into it. */
export async function saveWorkbook(open: OpenWorkbook, model: FakeWorkbookModel): Promise<Uint8Array> {
  applyModelToWorkbook(model, open.workbook);
  return workbookBytes(open.workbook);
}

/** "表.xlsx" → "表.selfeval.xlsx": the downloaded copy never takes the original's name. */
export function downloadName(name: string): string {
  const base = name.replace(/\.xlsx$/i, '');
  return `${base}.selfeval.xlsx`;
}
