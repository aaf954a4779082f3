// The JSON Schema of a rulebook file (docs/rulebook.schema.json) is emitted from the valibot schema that
// loadRulebook uses: the committed file must equal a fresh emit, and every bundled preset must validate against
// it with an independent JSON Schema validator (ajv).
import Ajv from 'ajv';
import * as fs from 'fs';
import { rulebookJsonSchema, SCHEMA_FILE } from '../../scripts/rulebook-schema';
import { loadRulebook, PRESETS, RulebookError } from '../../src/core';

const committed = (): string => fs.readFileSync(SCHEMA_FILE, 'utf8');

describe('docs/rulebook.schema.json', () => {
  it('equals a fresh emit (run `npm run rulebook:schema` after changing the schema)', () => {
    // Same keys, values and order; the layout is Prettier's, checked by `npm run format:check`.
    expect(JSON.stringify(JSON.parse(committed()))).toBe(JSON.stringify(rulebookJsonSchema()));
  });

  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(committed()) as object);

  it.each(Object.keys(PRESETS))('accepts the preset %s', (id) => {
    const ok = validate(PRESETS[id]);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('accepts a partial file over a preset, as loadRulebook does', () => {
    const file = {
      $schema: '../docs/rulebook.schema.json',
      extends: 'shanghai',
      id: 'pudong',
      scoring: { reverse: 'linear' },
    };
    expect(validate(file)).toBe(true);
    const book = loadRulebook(file);
    expect(book.scoring.reverse).toBe('linear');
    expect(book.executionRate.displayRounding).toBe('up');
    expect(Object.keys(book)).not.toContain('$schema');
  });

  it.each([
    [{ scoring: { tolerance: 'abc' } }],
    [{ scoring: { foo: 1 } }],
    [{ extends: 'beijing' }],
    [{ grades: [] }],
    [{ executionRate: { displayDecimals: 2.5 } }],
    [{ qualitative: [{ grade: '达成', min: '0.8', max: '1', maxInclusive: true }] }],
    [[1, 2]],
  ])('rejects %j, as loadRulebook does', (file) => {
    expect(validate(file)).toBe(false);
    expect(() => loadRulebook(file)).toThrow(RulebookError);
  });
});
