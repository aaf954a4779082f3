// The self-test's checks (src/selftest/checks.ts), the ones the page runs in real Excel, run here against the
// stand-in under every answer of every UNVERIFIED behaviour: one suite, two Excels. A check that passes only on
// the stand-in is a bug of the stand-in.
import { reportText, runSelfTest, SCRATCH_PREFIX } from '../../src/selftest/checks';
import { UNVERIFIED_BEHAVIOURS, type FakeBehaviours } from '../../src/office-standin';
import { clone, richSeedSheet, setup, workbook } from './helpers';

const answers: [string, Partial<FakeBehaviours>][] = Object.entries(UNVERIFIED_BEHAVIOURS).flatMap(
  ([name, values]) =>
    (values as readonly string[]).map((v): [string, Partial<FakeBehaviours>] => [
      `${name}=${v}`,
      { [name]: v },
    ]),
);

describe('the self-test against the stand-in', () => {
  it.each(answers)(
    'passes every check and leaves the user’s sheets as they were (%s)',
    async (_, behaviours) => {
      const { fake, model } = setup(workbook([richSeedSheet()]), { apiVersion: '1.18', behaviours });
      const original = clone(model);
      const results = await runSelfTest({ excel: fake.Excel, office: fake.Office });
      const failing = results.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.observed}`);
      // In comment mode a cell with a note must refuse a comment; under 'replaces' that is exactly what the
      // self-test is there to catch in real Excel.
      const expected = behaviours.commentOnNotedCell === 'replaces' ? ['probe.comment-on-note'] : [];
      expect(failing.map((f) => f.split(':')[0])).toEqual(expected);
      expect(results.filter((r) => r.status === 'skip')).toEqual([]);
      expect(model.sheets).toEqual(original.sheets);
      expect(model.sheets.some((s) => s.name.startsWith(SCRATCH_PREFIX))).toBe(false);
      expect(model.customXmlParts).toEqual([]);
    },
  );

  it.each(['1.4', '1.9', '1.14'])(
    'runs at ExcelApi %s, skipping what that Excel cannot do',
    async (apiVersion) => {
      const { fake, model } = setup(workbook([richSeedSheet()]), { apiVersion });
      const original = clone(model);
      const results = await runSelfTest({ excel: fake.Excel, office: fake.Office });
      expect(results.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.observed}`)).toEqual([]);
      expect(model.sheets).toEqual(original.sheets);
    },
  );

  it('writes a plain-text report with every check and what Excel answered', async () => {
    const { fake } = setup(workbook([richSeedSheet()]));
    const results = await runSelfTest({ excel: fake.Excel, office: fake.Office });
    const text = reportText(results, { version: '1.0.0', excelApi: '1.18', platform: 'PC', lang: 'en' });
    expect(text).toMatch(/^selfeval self-test/);
    expect(text).toContain(`passed: ${results.length}/${results.length}`);
    for (const r of results) expect(text).toContain(r.id);
  });
});
