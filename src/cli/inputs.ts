// Inputs: files as given, folders walked for .xlsx files (what a walk leaves out is named, never dropped without
// a word); where each scored copy goes, and how outputs are created without replacing anyone's file.
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** How the file is named in messages and in the report's `source`: the name as given, or the path inside the
   *  folder that was walked ("子目录/表.xlsx"). */
  display: string;
  /** The folder argument it was found in (absolute), for --out; null for a file given directly. */
  root: string | null;
}

export interface InputProblem {
  arg: string;
  zh: string;
  en: string;
}

/** Something a folder walk found and left out, named at the end of the run. */
export interface SkippedEntry {
  /** The path as shown ("收件箱/旧表.xls", "收件箱/二级单位/"). */
  display: string;
  zh: string;
  en: string;
}

export interface Skipped {
  entries: SkippedEntry[];
  /** Other files (documents, pictures…): counted, not named. */
  others: number;
}

const SCORED_SUFFIX = '.scored.xlsx';

/** Spreadsheets a walk does not score, each with what to do about it. */
const SPREADSHEET_KINDS: { ext: RegExp; zh: string; en: string }[] = [
  {
    ext: /\.(xls|xlt)$/i,
    zh: '旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx',
    en: 'old .xls format; save it as .xlsx in Excel or WPS',
  },
  {
    ext: /\.(xlsm|xltm)$/i,
    zh: '含宏的工作簿（.xlsm）；直接指定该文件即可评分（评分副本不含宏）',
    en: 'a macro-enabled workbook (.xlsm); name the file itself to score it (the scored copy drops the macros)',
  },
  {
    ext: /\.xlsb$/i,
    zh: '二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx',
    en: 'a binary workbook (.xlsb); save it as .xlsx in Excel',
  },
  {
    ext: /\.(et|ett)$/i,
    zh: 'WPS 表格格式（.et），请在 WPS 中另存为 .xlsx',
    en: 'a WPS spreadsheet (.et); save it as .xlsx in WPS',
  },
  {
    ext: /\.(ods|fods)$/i,
    zh: 'OpenDocument 表格（.ods），请另存为 .xlsx',
    en: 'an OpenDocument spreadsheet (.ods); save it as .xlsx',
  },
  {
    ext: /\.(csv|tsv)$/i,
    zh: '文本表格（.csv），没有自评表的格式；请在 Excel 中打开后另存为 .xlsx',
    en: "a text table (.csv) without the form's layout; open it in Excel and save it as .xlsx",
  },
  {
    ext: /\.numbers$/i,
    zh: 'Numbers 表格，请导出为 .xlsx',
    en: 'a Numbers spreadsheet; export it as .xlsx',
  },
];

function spreadsheetKind(name: string): { zh: string; en: string } | null {
  return SPREADSHEET_KINDS.find((k) => k.ext.test(name)) ?? null;
}

/** A folder walk takes .xlsx files, but not our own outputs nor Excel's lock files (~$名称.xlsx): those two are
 *  left out without a word. */
function isXlsx(name: string): boolean {
  return name.toLowerCase().endsWith('.xlsx');
}

function quietlyLeftOut(name: string): boolean {
  return name.toLowerCase().endsWith(SCORED_SUFFIX) || name.startsWith('~$');
}

/** Hidden files and the ones Windows and macOS leave in folders: not worth a count. */
function isSystemFile(name: string): boolean {
  return name.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(name);
}

function walk(dir: string, recursive: boolean, out: string[], skipped: string[][]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (recursive) walk(full, recursive, out, skipped);
      else if (!e.name.startsWith('.')) skipped.push([full, 'folder']);
    } else if (e.isFile()) {
      if (isXlsx(e.name)) {
        if (!quietlyLeftOut(e.name)) out.push(full);
      } else if (spreadsheetKind(e.name)) {
        skipped.push([full, 'kind']);
      } else if (!isSystemFile(e.name)) {
        skipped.push([full, 'other']);
      }
    } else if (e.isSymbolicLink()) {
      // Links are not followed (a link may lead out of the folder, or round in a loop): named, with why.
      let target: fs.Stats | null = null;
      try {
        target = fs.statSync(full);
      } catch {
        // dangling
      }
      if (!target) {
        if (isXlsx(e.name) || spreadsheetKind(e.name)) skipped.push([full, 'dangling']);
      } else if (target.isDirectory() || isXlsx(e.name) || spreadsheetKind(e.name)) {
        skipped.push([full, target.isDirectory() ? 'link-folder' : 'link']);
      }
    }
  }
}

function skipReason(full: string, why: string): { zh: string; en: string } | null {
  switch (why) {
    case 'folder':
      return {
        zh: '子文件夹，加 --recursive 可评分其中的文件',
        en: 'a sub-folder; add --recursive to score what it holds',
      };
    case 'kind':
      return spreadsheetKind(full);
    case 'dangling':
      return { zh: '链接指向的文件不存在', en: 'a broken link (what it points to does not exist)' };
    case 'link':
      return {
        zh: '符号链接，不跟随；请直接指定它指向的文件',
        en: 'a symbolic link, not followed; name the file it points to',
      };
    case 'link-folder':
      return {
        zh: '指向文件夹的符号链接，不跟随；请直接指定该文件夹',
        en: 'a symbolic link to a folder, not followed; name the folder itself',
      };
    default:
      return null;
  }
}

export function expandInputs(
  args: string[],
  cwd: string,
  recursive: boolean,
): { files: InputFile[]; problems: InputProblem[]; skipped: Skipped } {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  const skipped: Skipped = { entries: [], others: 0 };
  const seen = new Set<string>();
  const add = (f: InputFile): void => {
    let key = f.path;
    try {
      key = fs.realpathSync(f.path);
    } catch {
      // keep the path as given
    }
    if (seen.has(key)) return;
    seen.add(key);
    files.push(f);
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      problems.push({ arg, zh: '文件或文件夹不存在', en: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      const left: string[][] = [];
      try {
        walk(abs, recursive, found, left);
      } catch (e) {
        problems.push({ arg, zh: '无法读取文件夹', en: `cannot read the folder (${(e as Error).message})` });
        continue;
      }
      for (const [full, why] of left) {
        const reason = skipReason(full, why);
        if (!reason) {
          skipped.others++;
          continue;
        }
        const inside = path.relative(abs, full).split(path.sep).join('/');
        const display = joinDisplay(arg, inside) + (why === 'folder' || why === 'link-folder' ? '/' : '');
        skipped.entries.push({ display, ...reason });
      }
      if (found.length === 0) {
        problems.push({
          arg,
          zh: recursive
            ? '文件夹（含子文件夹）中没有 .xlsx 文件'
            : '文件夹中没有 .xlsx 文件（子文件夹请加 --recursive）',
          en: recursive
            ? 'no .xlsx file in the folder or its sub-folders'
            : 'no .xlsx file in the folder (add --recursive for sub-folders)',
        });
        continue;
      }
      for (const f of found) {
        const inside = path.relative(abs, f).split(path.sep).join('/');
        add({ path: f, display: joinDisplay(arg, inside), root: abs });
      }
    } else {
      add({ path: abs, display: arg, root: null });
    }
  }
  return { files, problems, skipped };
}

function joinDisplay(folderArg: string, inside: string): string {
  const base = folderArg.replace(/[\\/]+$/, '');
  return base === '' || base === '.' ? inside : `${base}/${inside}`;
}

/** `<name>.scored.xlsx` next to the input, or under `outDir` (keeping the path inside a walked folder). */
export function outputPath(input: InputFile, outDir: string | undefined, cwd: string): string {
  const ext = path.extname(input.path);
  const stem = path.basename(input.path, ext);
  const name = `${stem}${SCORED_SUFFIX}`;
  if (!outDir) return path.join(path.dirname(input.path), name);
  const base = path.resolve(cwd, outDir);
  if (input.root) {
    const insideDir = path.dirname(path.relative(input.root, input.path));
    return path.join(base, insideDir, name);
  }
  return path.join(base, name);
}

/** The report's `source`: the file's name, or its path inside the walked folder. */
export function sourceName(input: InputFile): string {
  if (input.root) return path.relative(input.root, input.path).split(path.sep).join('/');
  return path.basename(input.path);
}

/** A name longer than this is refused by the file systems users have (ext4, NTFS, APFS: 255 bytes or UTF-16
 *  units). */
export const MAX_NAME_LENGTH = 255;

/** The output exists (made before the run or by another run meanwhile) and was not replaced. */
export class OutputExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} exists`);
    this.name = 'OutputExistsError';
  }
}

/** The output's own name is longer than file systems allow. */
export class NameTooLongError extends Error {
  constructor(
    readonly file: string,
    readonly length: number,
  ) {
    super(`the name of ${file} is too long`);
    this.name = 'NameTooLongError';
  }
}

/** A file name's length as the file system counts it: UTF-16 units on Windows, UTF-8 bytes elsewhere. */
export function nameLength(name: string): number {
  return process.platform === 'win32' ? name.length : Buffer.byteLength(name, 'utf8');
}

/** Throws NameTooLongError when the file's own name is too long to create. */
export function checkNameLength(file: string): void {
  const n = nameLength(path.basename(file));
  if (n > MAX_NAME_LENGTH) throw new NameTooLongError(file, n);
}

/** A short temporary name in the output's folder, whatever the output's own name (a long name plus a suffix would
 *  pass the file system's limit). */
function tempName(): string {
  return `.selfeval-${process.pid.toString(36)}-${randomBytes(4).toString('hex')}.tmp`;
}

/** Codes of file systems that cannot make hard links (FAT and exFAT sticks, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Write an output whole, never half: to a temporary file in the same folder, then put in place. Without `replace`
 * the file is created exclusively (a hard link, which fails when the name exists; where links are not supported, a
 * copy that fails when the name exists), so two runs writing the same output cannot both succeed: the second gets
 * OutputExistsError. With `replace` an existing file is replaced in one rename.
 */
export function writeOutput(file: string, data: Uint8Array | string, replace: boolean): void {
  checkNameLength(file);
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, tempName());
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
    if (replace) {
      fs.renameSync(tmp, file);
      return;
    }
    try {
      fs.linkSync(tmp, file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') throw new OutputExistsError(file);
      if (!NO_HARD_LINKS.has(code)) throw e;
      try {
        fs.copyFileSync(tmp, file, fs.constants.COPYFILE_EXCL);
      } catch (e2) {
        if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') throw new OutputExistsError(file);
        throw e2;
      }
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENAMETOOLONG') {
      throw new NameTooLongError(file, nameLength(path.basename(file)));
    }
    throw e;
  } finally {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // renamed into place, or never made
    }
  }
}

/** Whether two paths name the same file (links resolved where the file exists; case ignored where the file
 *  system usually does). */
export function samePath(a: string, b: string): boolean {
  const real = (f: string): string => {
    try {
      return fs.realpathSync(f);
    } catch {
      try {
        return path.join(fs.realpathSync(path.dirname(f)), path.basename(f));
      } catch {
        return path.resolve(f);
      }
    }
  };
  const x = real(a);
  const y = real(b);
  if (process.platform === 'win32' || process.platform === 'darwin')
    return x.toLowerCase() === y.toLowerCase();
  return x === y;
}
