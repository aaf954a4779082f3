// The English half of README.md carries what the Chinese half does: the table of users, the three modes, the
// command-line examples and the rulebook table.
import * as fs from 'fs';
import * as path from 'path';

const README = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
const [zh, en] = README.split(/^## English$/m);

/** The text of a section from its heading to the next heading of the same or a higher level. */
function section(text: string, heading: RegExp): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return '';
  const level = /^#+/.exec(lines[start])![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && /^#+/.exec(l)![0].length <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** Rows of the first Markdown table in a text (header and rule left out), as their first cell. */
function tableRows(text: string): string[] {
  const rows = text.split('\n').filter((l) => /^\|/.test(l));
  return rows.slice(2).map((r) => r.split('|')[1].trim());
}

/** The options used in the section's code blocks. */
function optionsInCode(text: string): string[] {
  const code = (text.match(/```bash\n[\s\S]*?```/g) ?? []).join('\n');
  return [...new Set(code.match(/(?<=\s)--?[a-zA-Z][\w-]*/g) ?? [])].sort();
}

describe('README.md: the English half has what the Chinese half has', () => {
  it('the table of users, and the three modes', () => {
    const zhUsers = tableRows(section(zh, /^## 谁用/));
    const enUsers = tableRows(section(en, /^### Who uses it/));
    expect(zhUsers).toHaveLength(3);
    expect(enUsers).toHaveLength(zhUsers.length);
    const modes = section(en, /^### Who uses it/);
    for (const mode of ['**check**', '**fill**', '**correct**']) expect(modes).toContain(mode);
  });

  it('the command-line examples, with the same options', () => {
    const zhOptions = optionsInCode(section(zh, /^## 命令行/));
    expect(zhOptions.length).toBeGreaterThan(3);
    expect(optionsInCode(section(en, /^### Command line/))).toEqual(zhOptions);
  });

  it('the rulebook table, one row a preset', () => {
    const zhBooks = tableRows(section(zh, /^## 规则集/)).map((r) => /`([^`]+)`/.exec(r)?.[1]);
    const enBooks = tableRows(section(en, /^### Rulebooks/)).map((r) => /`([^`]+)`/.exec(r)?.[1]);
    expect(zhBooks).toEqual(['mof-2020', 'shanghai', 'local-platform']);
    expect(enBooks).toEqual(zhBooks);
  });
});
