// The scoring rules of shared/reference/scoring-rules.md, each checked on numbers worked out by hand.
import { getPreset, loadRulebook, presetNames, RulebookError, PRESETS } from '../../src/core';
import { Decimal } from '../../src/core/decimal';
import { gradeOf, qualitativeBand, scoreShare } from '../../src/core/evaluate';
import { readValue } from '../../src/core/parse';

const mof = getPreset('mof-2020');
const share = (op: Parameters<typeof scoreShare>[0], t: string, a: string, book = mof): string =>
  scoreShare(op, new Decimal(t), new Decimal(a), book).toFixed();

describe('rule 5: ≥ indicators', () => {
  it('full marks when met or exceeded', () => {
    expect(share('≥', '90', '90')).toBe('1');
    expect(share('≥', '90', '200')).toBe('1');
    expect(share(null, '90', '95')).toBe('1');
  });
  it('actual ÷ target when missed: 80 of 100 → 0.8', () => {
    expect(share('≥', '100', '80')).toBe('0.8');
    expect(share('>', '100', '80')).toBe('0.8');
  });
});

describe('rule 8: = indicators', () => {
  it('scored like ≥ by default (mof-2020 "as-greater")', () => {
    expect(share('=', '3000', '50000')).toBe('1');
    expect(share('=', '90', '45')).toBe('0.5');
  });
  it('target 0: full only when the actual is 0', () => {
    expect(share('=', '0', '0')).toBe('1');
    expect(share('=', '0', '2')).toBe('0');
  });
  it('"deviation" loses points either way: =100 with 120 → 1 − 20/100 = 0.8', () => {
    const book = loadRulebook({ scoring: { equal: 'deviation' } });
    expect(share('=', '100', '120', book)).toBe('0.8');
    expect(share('=', '100', '90', book)).toBe('0.9');
    expect(share('=', '100', '300', book)).toBe('0');
  });
});

describe('rule 7: ≤ indicators', () => {
  it('full marks at or under the target', () => {
    expect(share('≤', '90', '90')).toBe('1');
    expect(share('≤', '90', '10')).toBe('1');
  });
  it('mof-2020 "ratio": target ÷ actual, ≤90 with 100 → 0.9', () => {
    expect(share('≤', '90', '100')).toBe('0.9');
  });
  it('"linear": 1 − (actual − target) ÷ target, 0 from twice the target', () => {
    const book = loadRulebook({ scoring: { reverse: 'linear' } });
    expect(share('≤', '100', '120', book)).toBe('0.8');
    expect(share('≤', '100', '200', book)).toBe('0');
    expect(share('≤', '100', '250', book)).toBe('0');
  });
  it('target 0 with a positive actual earns nothing', () => {
    expect(share('≤', '0', '1')).toBe('0');
  });
});

describe('rule 9: qualitative bands', () => {
  const band = (actual: string, target = '达成年度指标'): string | null =>
    qualitativeBand(mof.qualitative, readValue(actual), readValue(target))?.grade ?? null;
  it.each([
    ['达成年度指标', '达成'],
    ['达成预期指标', '达成'],
    ['部分达成年度指标并具有一定效果', '部分达成'],
    ['未达成年度指标且效果较差', '未达成'],
    ['好', '达成'],
    ['较好', '达成'],
    ['一般', '部分达成'],
    ['差', '未达成'],
    ['基本完成', '部分达成'],
    ['未完成', '未达成'],
    ['效果较差', '未达成'],
  ])('%s → %s', (actual, grade) => {
    expect(band(actual)).toBe(grade);
  });
  it('an actual that repeats a qualitative target has met it', () => {
    expect(band('按期交付', '按期交付')).toBe('达成');
  });
  it('words it cannot place give no band', () => {
    expect(band('详见报告')).toBeNull();
  });
  it('bands are 80–100% (inclusive), 60–80% and 0–60% of 分值', () => {
    expect(mof.qualitative.map((b) => [b.grade, b.min, b.max, b.maxInclusive])).toEqual([
      ['未达成', '0', '0.6', false],
      ['部分达成', '0.6', '0.8', false],
      ['达成', '0.8', '1', true],
    ]);
  });
});

describe('rule 12: grades', () => {
  it.each([
    ['100', '优'],
    ['90', '优'],
    ['89.99', '良'],
    ['80', '良'],
    ['79.99', '中'],
    ['60', '中'],
    ['59.99', '差'],
    ['0', '差'],
  ])('%s → %s', (total, grade) => {
    expect(gradeOf(new Decimal(total), mof)).toBe(grade);
  });
});

describe('rulebooks', () => {
  it('ships the three presets', () => {
    expect(presetNames()).toEqual(['mof-2020', 'shanghai', 'local-platform']);
    expect(mof.weights).toEqual({
      executionRate: '10',
      output: '50',
      benefit: '30',
      satisfaction: '10',
      total: '100',
    });
    expect(PRESETS.shanghai.executionRate.displayRounding).toBe('up');
    expect(PRESETS['local-platform'].overAchievement.deduction).toBe('2');
    expect(PRESETS['local-platform'].totalCaps).toHaveLength(4);
  });

  it('loads a partial JSON rulebook over a preset', () => {
    const book = loadRulebook({
      extends: 'shanghai',
      id: 'pudong',
      name: '浦东',
      overAchievement: { threshold: '1.5' },
    });
    expect(book.id).toBe('pudong');
    expect(book.executionRate.displayRounding).toBe('up');
    expect(book.overAchievement).toEqual({ threshold: '1.5', reasonRequired: true, deduction: null });
  });

  it.each([
    [{ scoring: { tolerance: 'abc' } }, 'scoring.tolerance'],
    [{ scoring: { foo: 1 } }, 'scoring.foo'],
    [{ scoring: { reverse: 'inverse' } }, 'scoring.reverse'],
    [{ executionRate: { displayDecimals: 2.5 } }, 'executionRate.displayDecimals'],
    [{ grades: [] }, 'grades'],
    [{ grades: [{ grade: '优', min: 90 }] }, 'grades[0].min'],
    [{ extends: 'beijing' }, 'extends'],
    [[1, 2], '(root)'],
  ])('a bad rulebook %j names the field %s', (json, field) => {
    let caught: unknown;
    try {
      loadRulebook(json);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RulebookError);
    expect((caught as RulebookError).field).toBe(field);
    expect((caught as RulebookError).message).toMatch(/规则集|rulebook/);
  });

  it('rejects an unknown preset name with the choices', () => {
    expect(() => getPreset('nope')).toThrow(/mof-2020、shanghai、local-platform/);
  });
});
