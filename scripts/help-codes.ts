// Writes the explanation of every finding code (src/core/explanations.ts) into src/taskpane/help.html, between
// its <!-- codes:begin --> and <!-- codes:end --> marks, formatted by prettier. test/cli/explain.test.ts fails
// when the page and the module disagree. Run: npx tsx scripts/help-codes.ts
import * as fs from 'fs';
import * as path from 'path';
import * as prettier from 'prettier';
import { helpCodesHtml } from '../src/cli/html-report';

const FILE = path.join(__dirname, '..', 'src', 'taskpane', 'help.html');
const BEGIN = '<!-- codes:begin -->';
const END = '<!-- codes:end -->';

async function main(): Promise<void> {
  const page = fs.readFileSync(FILE, 'utf8');
  const from = page.indexOf(BEGIN);
  const to = page.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${FILE}: no ${BEGIN} … ${END}`);
  const next = page.slice(0, from + BEGIN.length) + '\n' + helpCodesHtml() + '\n' + page.slice(to);
  const options = (await prettier.resolveConfig(FILE)) ?? {};
  const formatted = await prettier.format(next, { ...options, filepath: FILE });
  if (formatted !== page) fs.writeFileSync(FILE, formatted);
  console.log(formatted === page ? 'help.html: up to date' : 'help.html: codes written');
}

void main();
