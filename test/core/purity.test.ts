// The core is pure: no Office, DOM, Node or UI import, so every host can use it (and tsconfig.core.json compiles
// it with no DOM or Node types at all).
import { readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, resolve, sep } from 'path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const CORE = resolve(__dirname, '../../src/core');

/** A relative import that stays inside src/core (its sub-folders import the core through '../'). */
function insideCore(from: string, spec: string): boolean {
  return spec.startsWith('.') && resolve(dirname(from), spec).startsWith(CORE + sep);
}

describe('src/core', () => {
  const all = files(CORE);

  it('has files to check', () => {
    expect(all.length).toBeGreaterThan(5);
  });

  it.each(all.map((f) => [f.replace(/.*src\/core\//, '')]))(
    '%s imports only the core, decimal.js and valibot (pure: the rulebook schema)',
    (name) => {
      const path = join(CORE, name);
      const text = readFileSync(path, 'utf8');
      const imports = [
        ...text.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g),
      ].map((m) => m[1] ?? m[2]);
      for (const spec of imports) {
        expect(insideCore(path, spec) || spec === 'decimal.js' || spec === 'valibot').toBe(true);
      }
      expect(text).not.toMatch(/\b(Office|Excel)\.|\bwindow\.|\bdocument\.|\bprocess\.|\brequire\(/);
    },
  );
});
