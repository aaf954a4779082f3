// Independent fixture tests for rulebook presets and loaded rulebooks: the seed form under `shanghai` and
// `local-platform`, the execution-rate cap on the total, and loadRulebook's errors. Expected figures by hand.
import { getPreset, loadRulebook, RulebookError, scoreSheets, type FormReport } from '../../src/core';
import { rateForm } from '../fixtures/checks';
import {
  expectErrors,
  expectFinding,
  expectNoFinding,
  findingKeys,
  findingsWith,
  indicator,
  lazy,
  onlyForm,
} from '../fixtures/expect';
import { seedPrinted } from '../fixtures/forms';

describe('fixture 14a: the seed under the shanghai preset (rate shown rounded up)', () => {
  const report = lazy(() => scoreSheets([seedPrinted()], { rulebook: getPreset('shanghai') }));
  const form = (): FormReport => onlyForm(report());

  it('computes the rate as 97.35 and so has no RATE_MISMATCH', () => {
    expect(report().rulebook).toBe('shanghai');
    // 97.341239…% rounded UP at 2 dp → 97.35 = printed 97.35
    expect(form().funds.rate).toEqual({ computed: '97.35', printed: '97.35', cell: 'H7' });
    expectNoFinding(form(), 'RATE_MISMATCH');
  });

  it('keeps the score half-up: 9.73, total 99.73', () => {
    // 10 × 0.973412… = 9.73412… → 9.73 (the display rule does not touch the score)
    expect(form().funds.score.computed).toBe('9.73');
    expect(form().total.computed).toBe('99.73');
    expectErrors(form(), []);
  });
});

describe('fixture 14b: the seed under the local-platform preset (−2 points at ≥130% of target)', () => {
  const report = lazy(() => scoreSheets([seedPrinted()], { rulebook: getPreset('local-platform') }));
  const form = (): FormReport => onlyForm(report());

  it('takes 2 points off each over-achieved row: 10 → 8.00 and 15 → 13.00', () => {
    const f = form();
    expect(report().rulebook).toBe('local-platform');
    // 50000 ≥ 1.3 × 3000 → 10 − 2 = 8.00; 120000 ≥ 1.3 × 800 → 15 − 2 = 13.00
    expect(indicator(f, '普法宣传品/册发放').score.computed).toBe('8.00');
    expect(indicator(f, '普法活动覆盖人数').score.computed).toBe('13.00');
    // 12000 < 1.3 × 10000 = 13000 → no deduction
    expect(indicator(f, '计生特殊家庭宣传品制作发放').score.computed).toBe('15.00');
    expect(indicator(f, '暖心家园健康行服务场次').score.computed).toBe('20.00');
  });

  it('then finds the printed 10 and 15 too high (SCORE_MISMATCH errors) and nothing else wrong', () => {
    // printed 10 > computed 8.00, printed 15 > computed 13.00 → error (printed > computed)
    expectErrors(form(), ['SCORE_MISMATCH@I15', 'SCORE_MISMATCH@I19']);
    expectFinding(form(), 'OVER_ACHIEVED', 'warning', 'G15');
  });

  it('totals 95.73 and is not capped (rate 97.34 ≥ 80)', () => {
    // 9.73 + 20 + 8 + 10 + 10 + 15 + 13 + 5 + 5 = 95.73
    expect(form().total.computed).toBe('95.73');
    expect(form().grade.computed).toBe('优');
    expectNoFinding(form(), 'TOTAL_CAPPED');
  });
});

describe('fixture 14c: the execution-rate cap on the total (local-platform)', () => {
  const at65 = rateForm({ annual: 200000, executed: 130000, rate: '65.00%', score: 6.5, total: 96.5 });
  const at70 = rateForm({ annual: 100000, executed: 70000, rate: '70.00%', score: 7, total: 97 });

  it('under mof-2020 a 65% rate is only scored, not capped', () => {
    const f = onlyForm(scoreSheets([at65.sheet]));
    // 130000 / 200000 = 0.65 → 65.00; 10 × 0.65 = 6.50; 6.50 + 50 + 30 + 10 = 96.50
    expect(f.funds.rate.computed).toBe('65.00');
    expect(f.funds.score.computed).toBe('6.50');
    expect(f.total.computed).toBe('96.50');
    expect(f.grade.computed).toBe('优');
    expectNoFinding(f, 'TOTAL_CAPPED');
    // 65 < 90 and no reason in the funds block
    expectFinding(f, 'REASON_MISSING', 'warning', at65.cells.rate);
  });

  it('caps the total at 79 for a 65% rate, grade 中, with TOTAL_CAPPED at the 总分 得分 cell', () => {
    const f = onlyForm(scoreSheets([at65.sheet], { rulebook: getPreset('local-platform') }));
    // 65 < 80 → ≤ 89; 65 < 70 → ≤ 79; 65 ≥ 60: the tightest cap is 79; 96.50 > 79 → 79.00
    expect(f.total.computed).toBe('79.00');
    expect(f.grade.computed).toBe('中'); // 60 ≤ 79 < 80
    // READING: severity left open (the code's choice); the cell is the total's 得分
    expect(findingsWith(f, 'TOTAL_CAPPED').map((x) => x.replace(/^\w+@/, ''))).toEqual([
      at65.cells.totalScore,
    ]);
  });

  it('at exactly 70% the 70–80 band applies: capped at 89, grade 良', () => {
    const f = onlyForm(scoreSheets([at70.sheet], { rulebook: getPreset('local-platform') }));
    // 70000 / 100000 = 70.00; 70 is not below 70, below 80 → ≤ 89; 7.00 + 90 = 97.00 > 89 → 89.00
    expect(f.funds.rate.computed).toBe('70.00');
    expect(f.total.computed).toBe('89.00');
    expect(f.grade.computed).toBe('良');
    expect(findingKeys(f).some((k) => k.startsWith('TOTAL_CAPPED:'))).toBe(true);
  });
});

describe('fixture 15: loadRulebook', () => {
  function errorOf(json: unknown): RulebookError {
    try {
      loadRulebook(json);
    } catch (e) {
      expect(e).toBeInstanceOf(RulebookError);
      return e as RulebookError;
    }
    throw new Error('loadRulebook accepted a bad rulebook');
  }
  /** The field a RulebookError names; its message (Chinese / English) names the field too. */
  function fieldOf(json: unknown): string {
    const err = errorOf(json);
    expect(err.message).toContain(err.field);
    return err.field;
  }

  it('names a bad value: scoring.tolerance "abc"', () => {
    expect(fieldOf({ scoring: { tolerance: 'abc' } })).toBe('scoring.tolerance');
  });

  it('names an unknown field: scoring.foo', () => {
    expect(fieldOf({ scoring: { foo: 1 } })).toBe('scoring.foo');
  });

  it('names other bad fields', () => {
    expect(fieldOf({ overAchievement: { threshold: 1.3 } })).toBe('overAchievement.threshold'); // a number, not a string
    expect(fieldOf({ executionRate: { displayDecimals: 11 } })).toBe('executionRate.displayDecimals');
    expect(fieldOf({ scoring: { reverse: 'inverse' } })).toBe('scoring.reverse');
    expect(fieldOf({ grades: [] })).toBe('grades');
    expect(fieldOf({ qualitative: [{ grade: '达成', min: '0.8', max: '1', maxInclusive: true }] })).toBe(
      'qualitative[0].words',
    );
    expect(errorOf('mof-2020').field).toBe('(root)');
  });

  it('names an unknown field inside a list item, and a missing one (the schema checks list items whole)', () => {
    expect(fieldOf({ grades: [{ grade: '优', min: '90', max: '100' }] })).toBe('grades[0].max');
    const missing = errorOf({ totalCaps: [{ rateBelowPercent: '80' }] });
    expect(missing.field).toBe('totalCaps[0].maxTotal');
    expect(missing.messageZh).toBe('规则集缺少字段“totalCaps[0].maxTotal”');
  });

  it('says in Chinese first what a field should be, then in English', () => {
    const err = errorOf({ scoring: { reverse: 'inverse' } });
    expect(err.messageZh).toBe('规则集字段“scoring.reverse”无效：应为以下之一：ratio | linear');
    expect(err.message).toBe(
      `${err.messageZh} / rulebook field "scoring.reverse" is invalid: expected one of ratio | linear`,
    );
  });

  it('ignores "$schema", which points an editor at docs/rulebook.schema.json', () => {
    const book = loadRulebook({ $schema: './rulebook.schema.json', scoring: { equal: 'deviation' } });
    expect(book.scoring.equal).toBe('deviation');
    expect('$schema' in book).toBe(false);
  });

  it('names "extends" when it names no preset (READING: the field is the one in the JSON)', () => {
    const err = errorOf({ extends: 'nope' });
    expect(err.message).toContain('nope');
    expect(err.field).toBe('extends');
  });

  it('loads a partial rulebook over its base', () => {
    const linear = loadRulebook({ scoring: { reverse: 'linear' } });
    expect(linear.scoring.reverse).toBe('linear');
    expect(linear.scoring.tolerance).toBe('0.01'); // kept from mof-2020
    const sh = loadRulebook({ extends: 'shanghai', overAchievement: { deduction: null } });
    expect(sh.executionRate.displayRounding).toBe('up');
    expect(sh.overAchievement.deduction).toBeNull();
  });
});
