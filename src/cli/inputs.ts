// Inputs: files as given, folders walked for .xlsx files; where each scored copy goes.
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

const SCORED_SUFFIX = '.scored.xlsx';

/** A folder walk takes .xlsx files, but not our own outputs nor Excel's lock files (~$名称.xlsx). */
function wanted(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.xlsx') && !lower.endsWith(SCORED_SUFFIX) && !name.startsWith('~$');
}

function walk(dir: string, recursive: boolean, out: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (recursive) walk(full, recursive, out);
    } else if (e.isFile() && wanted(e.name)) {
      out.push(full);
    }
  }
}

export function expandInputs(
  args: string[],
  cwd: string,
  recursive: boolean,
): { files: InputFile[]; problems: InputProblem[] } {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
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
      try {
        walk(abs, recursive, found);
      } catch (e) {
        problems.push({ arg, zh: '无法读取文件夹', en: `cannot read the folder (${(e as Error).message})` });
        continue;
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
  return { files, problems };
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

/** Write a file atomically enough for a batch: to a temporary name, then renamed over. */
export function writeFileSafely(file: string, data: Uint8Array | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw e;
  }
}
