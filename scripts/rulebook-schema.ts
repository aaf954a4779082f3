// Writes docs/rulebook.schema.json, the JSON Schema of a rulebook file, from the valibot schema that
// loadRulebook checks files against (run: npm run rulebook:schema). test/docs/rulebook-schema.test.ts checks that
// the committed file equals a fresh emit, so the two cannot drift apart.
import { toJsonSchema } from '@valibot/to-json-schema';
import * as fs from 'fs';
import * as path from 'path';
import { RULEBOOK_FILE_SCHEMA } from '../src/core/rulebook';

export const SCHEMA_FILE = path.join(__dirname, '..', 'docs', 'rulebook.schema.json');

/** The JSON Schema of a rulebook file. errorMode 'throw': an action JSON Schema cannot express must fail here,
 *  not silently vanish from the file. */
export function rulebookJsonSchema(): object {
  return toJsonSchema(RULEBOOK_FILE_SCHEMA, { errorMode: 'throw' });
}

async function main(): Promise<void> {
  // Prettier formats the file as `npm run format` would (imported here only: jest cannot load it).
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(SCHEMA_FILE)) ?? {};
  const text = await prettier.format(JSON.stringify(rulebookJsonSchema()), {
    ...options,
    filepath: SCHEMA_FILE,
  });
  const old = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : null;
  if (old !== text) fs.writeFileSync(SCHEMA_FILE, text);
  const shown = path.relative(process.cwd(), SCHEMA_FILE);
  console.log(old === text ? `未变 / unchanged: ${shown}` : `已生成 / written: ${shown}`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
