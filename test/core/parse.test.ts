import {
  alignPercent,
  compareDates,
  dateOfSerial,
  isDateFormat,
  formatDecimals,
  parseNumberText,
  readCell,
  readMoney,
  readValue,
  isPercentFormat,
} from '../../src/core/parse';
import { Decimal } from '../../src/core/decimal';

const num = (s: string): Decimal => new Decimal(s);

describe('money', () => {
  it.each([
    [965043.97, null, '965043.97', null],
    ['965,043.97', null, '965043.97', null],
    ['965043.97元', null, '965043.97', '元'],
    ['89.974 万元', null, '89.974', '万元'],
    ['１，１００，０００．００', null, '1100000', null],
    ['￥1,000', null, '1000', null],
    [0, null, '0', null],
  ])('%j reads as %s %s', (value, fmt, amount, unit) => {
    const m = readMoney(value, fmt);
    expect(m?.amount.toFixed()).toBe(amount);
    expect(m?.unit ?? null).toBe(unit);
  });

  it.each([['—'], ['/'], [''], [null], ['见附件'], ['100份']])('%j is not money', (value) => {
    expect(readMoney(value)).toBeNull();
  });

  it('keeps a binary float at the 15 digits Excel shows', () => {
    expect(readMoney(0.1 + 0.2)?.amount.toFixed()).toBe('0.3');
    expect(readMoney(965043.9700000001)?.amount.toFixed()).toBe('965043.97');
  });
});

describe('percentages', () => {
  it('reads "97.35%" as 97.35 with two decimals', () => {
    const r = readCell('97.35%');
    expect(r.kind).toBe('number');
    if (r.kind === 'number') {
      expect(r.number.value.toFixed()).toBe('97.35');
      expect(r.number.percentSign).toBe(true);
      expect(r.number.decimals).toBe(2);
    }
  });

  it('reads 0.9735 in a 0.00% cell as 97.35', () => {
    expect(isPercentFormat('0.00%')).toBe(true);
    expect(isPercentFormat('0.00"%"')).toBe(false);
    expect(isPercentFormat('#,##0.00')).toBe(false);
    const r = readCell(0.9735, '0.00%');
    expect(r.kind === 'number' && r.number.value.toFixed()).toBe('97.35');
  });

  it('reads a bare 97.35 as a plain number (the scale is decided with the computed rate)', () => {
    const r = readCell(97.35);
    expect(r.kind === 'number' && [r.number.value.toFixed(), r.number.percentSign]).toEqual(['97.35', false]);
  });
});

describe('targets', () => {
  it.each([
    ['=90', '=', '90', null],
    ['＝100%', '=', '100', '%'],
    ['﹦72890元', '=', '72890', '元'],
    ['═5', '=', '5', null],
    ['≥50个', '≥', '50', '个'],
    ['≧95%', '≥', '95', '%'],
    ['>=0.9百分比', '≥', '0.9', '百分比'],
    ['≤90万元', '≤', '90', '万元'],
    ['≦3天', '≤', '3', '天'],
    ['<=10次', '≤', '10', '次'],
    ['>0', '>', '0', null],
    ['<5%', '<', '5', '%'],
    ['=3000份', '=', '3000', '份'],
    ['100%以上', '≥', '100', '%'],
    ['5天以内', '≤', '5', '天'],
    ['90', null, '90', null],
    ['≥ 1,000 人次', '≥', '1000', '人次'],
  ])('%s → %s %s %s', (text, op, value, unit) => {
    const v = readValue(text);
    expect(v.operator).toBe(op);
    expect(v.number?.value.toFixed()).toBe(value);
    expect(v.number?.unit ?? null).toBe(unit);
  });

  it.each([['及时'], ['达成预期指标'], ['好'], ['效果明显'], ['=合规']])('%s is qualitative', (text) => {
    const v = readValue(text);
    expect(v.number).toBeNull();
    expect(v.words).not.toBeNull();
  });

  it('knows not applicable and empty', () => {
    expect(readValue('—').notApplicable).toBe(true);
    expect(readValue('/').notApplicable).toBe(true);
    expect(readValue(null).empty).toBe(true);
    expect(readValue('  ').empty).toBe(true);
  });

  it('does not take prose starting with a number for a value', () => {
    expect(parseNumberText('2021年全面完成各项任务')).toBeNull();
    expect(parseNumberText('100%完成')).toBeNull();
  });
});

describe('百分比 scale, decided for target and actual together', () => {
  const n = (s: string): { value: Decimal; unit: string | null; percentSign: boolean; decimals: number } => {
    const r = readValue(s).number;
    if (!r) throw new Error(s);
    return r;
  };
  it('=1百分比 with actual 1: both fractions, 100% each, no mismatch', () => {
    const p = alignPercent(n('=1百分比'), n('1'));
    expect([p.target.toFixed(), p.actual.toFixed(), p.mixed]).toEqual(['100', '100', false]);
  });
  it('≥100百分比 with actual 100: both percents', () => {
    const p = alignPercent(n('≥100百分比'), n('100'));
    expect([p.target.toFixed(), p.actual.toFixed(), p.mixed]).toEqual(['100', '100', false]);
  });
  it('≥90% with actual 0.95: the actual is a fraction, flagged as mixed', () => {
    const p = alignPercent(n('≥90%'), n('0.95'));
    expect([p.target.toFixed(), p.actual.toFixed(), p.mixed]).toEqual(['90', '95', true]);
  });
  it('≤5% with actual 1: 1% is nearer than 100%, not mixed', () => {
    const p = alignPercent(n('≤5%'), n('1'));
    expect([p.target.toFixed(), p.actual.toFixed(), p.mixed]).toEqual(['5', '1', false]);
  });
  it('=1百分比 with actual 98: mixed, compared as 100 and 98', () => {
    const p = alignPercent(n('=1百分比'), n('98'));
    expect([p.target.toFixed(), p.actual.toFixed(), p.mixed]).toEqual(['100', '98', true]);
  });
  it('an actual of 0 takes the target scale', () => {
    const p = alignPercent(n('≤5%'), n('0'));
    expect([p.actual.toFixed(), p.mixed]).toEqual(['0', false]);
  });
  void num;
});

describe('number formats', () => {
  it.each([
    ['0.00', 2],
    ['#,##0.00', 2],
    ['#,##0.00_);[Red](#,##0.00)', 2],
    ['0', 0],
    ['General', null],
    ['@', null],
    ['"¥"#,##0.000', 3],
  ])('%s shows %s decimals', (fmt, n) => {
    expect(formatDecimals(fmt)).toBe(n);
  });

  it('money keeps the decimals its cell shows: 991403 in a 0.00 cell is 991403.00', () => {
    expect(readMoney(991403, '0.00')?.shown).toBe('991403.00');
    expect(readMoney(991403, null)?.shown).toBe('991403');
    expect(readMoney('965,043.97')?.shown).toBe('965043.97');
    expect(readMoney('1100000.00')?.shown).toBe('1100000.00');
  });
});

describe('dates (时效 targets)', () => {
  it.each([
    ['2023年12月', 2023, 12, null, null],
    ['2023年12月31日前', 2023, 12, 31, '≤'],
    ['2023年12月底前', 2023, 12, null, '≤'],
    ['≤2023年12月', 2023, 12, null, '≤'],
    ['2023-11-30', 2023, 11, 30, null],
    ['2023/12', 2023, 12, null, null],
    ['2023.12.31', 2023, 12, 31, null],
    // issue 11: a month of the form's own year
    ['12月底前', null, 12, null, '≤'],
    ['9月前', null, 9, null, '≤'],
    ['6月30日', null, 6, 30, null],
    ['年底前', null, 12, null, '≤'],
    ['9月底前完成', null, 9, null, '≤'],
    ['2023年11月完成', 2023, 11, null, null],
  ])('%s is a date', (text, year, month, day, op) => {
    const v = readValue(text);
    expect(v.date).toEqual({ year, month, day });
    expect(v.operator).toBe(op);
  });

  it.each([['2023.12'], ['1200.5'], ['2023年13月'], ['13月'], ['6个月']])('%s is not a date', (text) => {
    expect(readValue(text).date).toBeUndefined();
  });

  it('reads a date cell (an Excel serial with a date format): 45291 is 2023-12-31', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('0.00%')).toBe(false);
    expect(readValue(45291, 'yyyy"年"m"月"d"日"').date).toEqual({ year: 2023, month: 12, day: 31 });
    expect(dateOfSerial(61)).toEqual({ year: 1900, month: 3, day: 1 });
  });

  it('reads zh-CN date formats, month-only formats and the 1904 date system (issue 11)', () => {
    expect(isDateFormat('m"月"d"日"')).toBe(true);
    expect(isDateFormat('yyyy"年"m"月"')).toBe(true);
    expect(isDateFormat('[DBNum1][$-804]yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('#,##0.00"万元"')).toBe(false);
    expect(readValue(45250, 'm"月"d"日"').date).toEqual({ year: 2023, month: 11, day: 20 });
    // a month format shows the whole month: 45261 (2023-12-01) in yyyy"年"m"月" is 2023年12月
    expect(readValue(45261, 'yyyy"年"m"月"').date).toEqual({ year: 2023, month: 12, day: null });
    // 1904 system: 45291 − 1462 = 43829 is 2023-12-31
    expect(dateOfSerial(43829, true)).toEqual({ year: 2023, month: 12, day: 31 });
    expect(readValue(43829, 'yyyy/m/d', true).date).toEqual({ year: 2023, month: 12, day: 31 });
  });

  it('compares at the precision both sides give', () => {
    expect(
      compareDates({ year: 2023, month: 11, day: 30 }, { year: 2023, month: 12, day: null }),
    ).toBeLessThan(0);
    expect(compareDates({ year: 2023, month: 12, day: 31 }, { year: 2023, month: 12, day: null })).toBe(0);
    expect(
      compareDates({ year: 2024, month: 1, day: 2 }, { year: 2023, month: 12, day: 31 }),
    ).toBeGreaterThan(0);
  });
});
