// The documentation keeps up with the code: every FindingCode has an entry in docs/finding-codes.md and every entry
// a code; every rule id a comment in src/ cites (R5, C8, Q1, L2) is defined in docs/scoring-rules.md; and the links
// of README.md and docs/*.md lead to files (and rule anchors) inside the repository.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const read = (rel: string): string => fs.readFileSync(path.join(ROOT, rel), 'utf8');

function filesUnder(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    return e.isDirectory() ? filesUnder(rel, ext) : ext.test(e.name) ? [rel] : [];
  });
}

const SOURCES = filesUnder('src', /\.tsx?$/);

// ---- Finding codes

/** The file that declares `type FindingCode` (src/core/report.ts today) and the codes of its union. */
function codesInType(): { file: string; codes: string[] } {
  for (const file of SOURCES.filter((f) => f.startsWith('src/core/'))) {
    const m = /export type FindingCode =([^;]*);/.exec(read(file));
    if (m) return { file, codes: [...m[1].matchAll(/'([A-Z0-9_]+)'/g)].map((x) => x[1]) };
  }
  throw new Error('no `export type FindingCode =` in src/core');
}

interface DocEntry {
  code: string;
  reserved: boolean;
  body: string;
}

/** `### \`CODE\`` sections of docs/finding-codes.md; "(reserved" in the heading marks a code not produced. */
function documentedCodes(): DocEntry[] {
  const text = read('docs/finding-codes.md');
  const heads = [...text.matchAll(/^### `([A-Z0-9_]+)`(.*)$/gm)];
  return heads.map((h, i) => ({
    code: h[1],
    reserved: /\(reserved/i.test(h[2]),
    body: text.slice(h.index, i + 1 < heads.length ? heads[i + 1].index : undefined),
  }));
}

describe('docs/finding-codes.md', () => {
  const { file: typeFile, codes } = codesInType();
  const docs = documentedCodes();

  it('finds the codes on both sides', () => {
    expect(codes.length).toBeGreaterThan(20);
    expect(docs.length).toBeGreaterThan(20);
  });

  it('documents every FindingCode of the code, once', () => {
    const documented = docs.map((d) => d.code);
    expect(codes.filter((c) => !documented.includes(c))).toEqual([]);
    expect(documented.filter((c, i) => documented.indexOf(c) !== i)).toEqual([]);
  });

  it('documents no code the FindingCode type lacks', () => {
    expect(docs.map((d) => d.code).filter((c) => !codes.includes(c))).toEqual([]);
  });

  it('marks as reserved exactly the codes nothing in src/ produces', () => {
    const others = SOURCES.filter((f) => f !== typeFile).map(read);
    const produced = (code: string): boolean =>
      others.some((t) => t.includes(`'${code}'`) || t.includes(`"${code}"`));
    const wrong = docs.filter((d) => d.reserved === produced(d.code)).map((d) => d.code);
    expect(wrong).toEqual([]);
  });

  it('gives every entry where, severity, rules, when and what to do, in English and Chinese', () => {
    for (const d of docs) {
      for (const label of [
        'Where · 位置',
        'Severity · 级别',
        'Rules · 依据',
        'When',
        '何时',
        'What to do',
        '怎么办',
      ]) {
        expect([d.code, d.body.includes(`**${label}**`)]).toEqual([d.code, true]);
      }
    }
  });

  it('names every severity the golden reports show for a code', () => {
    const golden = JSON.parse(read('test/golden/reports.json')) as unknown;
    const seen = new Set<string>();
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (typeof o.code === 'string' && typeof o.severity === 'string') seen.add(`${o.code} ${o.severity}`);
        Object.values(o).forEach(walk);
      }
    };
    walk(golden);
    expect(seen.size).toBeGreaterThan(10);
    const severityLine = (code: string): string =>
      /\*\*Severity · 级别\*\*:([^\n]*(\n {2}[^\n]*)*)/.exec(
        docs.find((d) => d.code === code)?.body ?? '',
      )?.[1] ?? '';
    const missing = [...seen].filter((pair) => {
      const [code, severity] = pair.split(' ');
      return !severityLine(code).includes(`\`${severity}\``);
    });
    expect(missing).toEqual([]);
  });
});

// ---- Rule ids

/** Ids defined by headings such as `### R5 · … {#R5}`. */
function definedIds(): Set<string> {
  const text = read('docs/scoring-rules.md');
  return new Set([...text.matchAll(/^#{2,4} ([RCQL]\d+) · .*\{#\1\}\s*$/gm)].map((m) => m[1]));
}

/** The text of every comment of a TypeScript file (parsed, so strings and JSX text are never taken for one). */
function commentsOf(file: string): { line: number; text: string }[] {
  const text = read(file);
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found = new Map<number, string>();
  const add = (ranges: ts.CommentRange[] | undefined): void => {
    for (const r of ranges ?? []) found.set(r.pos, text.slice(r.pos, r.end));
  };
  const visit = (node: ts.Node): void => {
    if (node.kind !== ts.SyntaxKind.JsxText) {
      add(ts.getLeadingCommentRanges(text, node.getFullStart()));
      add(ts.getTrailingCommentRanges(text, node.getEnd()));
    }
    node.getChildren(source).forEach(visit);
  };
  visit(source);
  return [...found].map(([pos, body]) => ({
    line: source.getLineAndCharacterOfPosition(pos).line + 1,
    text: body,
  }));
}

/** Rule ids a comment cites. Quoted text ("A1:C2", 'C3') and A1 ranges or sheet references (A1:C2, Sheet2!C3) are
 *  cell addresses, not ids: a comment that names a cell should quote it. */
function citedIds(comment: string): string[] {
  const bare = comment
    .replace(/"[^"\n]*"|`[^`\n]*`|“[^”\n]*”|「[^」\n]*」/g, ' ')
    .replace(/(?<![A-Za-z])'[^'\n]*'(?![A-Za-z])/g, ' ');
  return [...bare.matchAll(/(?<![\w:!$])([RCQL]\d+)(?![\w!]|:\$?[A-Z])/g)].map((m) => m[1]);
}

describe('docs/scoring-rules.md', () => {
  const ids = definedIds();

  it('defines R1–R16, C1–C16, Q1–Q10 and L1–L2', () => {
    const expected = [
      ...Array.from({ length: 16 }, (_, i) => `R${i + 1}`),
      ...Array.from({ length: 16 }, (_, i) => `C${i + 1}`),
      ...Array.from({ length: 10 }, (_, i) => `Q${i + 1}`),
      'L1',
      'L2',
    ];
    expect([...ids].sort()).toEqual(expected.sort());
  });

  it('has a label-variants section with the anchor "labels"', () => {
    expect(read('docs/scoring-rules.md')).toMatch(/^## Label variants \{#labels\}$/m);
  });

  it('reads ids in comments and not in cell addresses (the test can fail)', () => {
    expect(citedIds('// R3–R4: 得分 = 分值 × min(执行率, 封顶); C2, Q4 and L2')).toEqual([
      'R3',
      'R4',
      'C2',
      'Q4',
      'L2',
    ]);
    expect(citedIds('/** Split "A1:C20" and Sheet2!C30, A1:C40, \'C50\' */')).toEqual([]);
    expect(citedIds('// R99')).toEqual(['R99']);
  });

  it('defines every id a comment in src/ cites', () => {
    const undefinedIds: string[] = [];
    for (const file of SOURCES) {
      for (const c of commentsOf(file)) {
        for (const id of citedIds(c.text)) if (!ids.has(id)) undefinedIds.push(`${file}:${c.line} ${id}`);
      }
    }
    expect(undefinedIds).toEqual([]);
  });
});

// ---- Links

describe('links in README.md and docs/', () => {
  const pages = ['README.md', ...filesUnder('docs', /\.md$/)];
  const ids = definedIds();
  const anchors = new Set([...read('docs/scoring-rules.md').matchAll(/\{#([\w-]+)\}/g)].map((m) => m[1]));

  it('lead to files inside the repository, and to anchors that exist', () => {
    const bad: string[] = [];
    for (const page of pages) {
      for (const m of read(page).matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = m[1];
        if (/^(https?:|mailto:)/.test(link)) continue;
        const [target, anchor] = link.split('#');
        const file = target ? path.posix.normalize(path.posix.join(path.posix.dirname(page), target)) : page;
        if (file.startsWith('..') || !fs.existsSync(path.join(ROOT, file))) bad.push(`${page}: ${link}`);
        else if (anchor && file === 'docs/scoring-rules.md' && !anchors.has(anchor))
          bad.push(`${page}: ${link}`);
      }
    }
    expect(bad).toEqual([]);
    expect(ids.size).toBeGreaterThan(0);
  });

  it('name no reference file outside the repository (shared/reference is not in a clone)', () => {
    const outside = pages.filter((f) => /shared\/reference/.test(read(f)));
    expect(outside).toEqual([]);
  });

  it('carry no merge-conflict markers (raw, or as prettier reformats them into quotes)', () => {
    const marked = pages.filter((f) => /^(<{7}|={7}|>{7}|> > > > > > >)( |$)/m.test(read(f)));
    expect(marked).toEqual([]);
  });
});

describe('README "how the pieces fit"', () => {
  it('names every folder of src/, in both languages', () => {
    const readme = read('README.md');
    const folders = fs
      .readdirSync(path.join(ROOT, 'src'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        d.name === 'hosts'
          ? fs.readdirSync(path.join(ROOT, 'src', 'hosts')).map((h) => `src/hosts/${h}`)
          : [`src/${d.name}`],
      );
    const rows = (table: string) => folders.filter((f) => !table.includes(`| [\`${f}\`](${f})`));
    const [zh, en] = readme.split('### How the pieces fit');
    expect(en).toBeDefined();
    expect({ zh: rows(zh), en: rows(en) }).toEqual({ zh: [], en: [] });
  });
});
