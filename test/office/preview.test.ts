// previewWorkbook: what 改正 would write, planned from one read through the Office host; nothing changes.
import { previewWorkbook, scoreWorkbook } from '../../src/app/score-flow';
import { loadRulebook } from '../../src/core';
import { SYNCS } from '../../src/hosts/office';
import { clone, seedSheet, setup, workbook } from './helpers';

// The sample's 9.7 is an explained self-deduction that 改正 keeps by default; with the option off it writes H16
// and the total, which is what this test needs to see listed.
const rulebook = loadRulebook({ reasons: { acceptExplainedDeduction: false } });
const request = { rulebook, mode: 'correct' as const, lang: 'zh-CN' as const };

it('plans 改正 in the syncs of a read, changes nothing, and lists what scoring then writes', async () => {
  const { host, fake, model } = setup(workbook([seedSheet()]), { apiVersion: '1.18' });
  const before = clone(model);
  const preview = await previewWorkbook(host, request);
  expect(fake.stats.syncs).toBe(SYNCS.read);
  expect(model).toEqual(before);
  expect(preview.written.length).toBeGreaterThan(0);
  expect(preview.written.find((w) => w.cell === 'H21')).toMatchObject({
    before: 99.43,
    after: 99.73,
    beforeText: '99.43',
    afterText: '99.73',
  });

  const scored = await scoreWorkbook(host, request);
  expect(scored.applied.written).toEqual(preview.written);
  expect(scored.applied.written).toHaveLength(scored.applied.valuesWritten);
});
