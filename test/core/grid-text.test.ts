import { Grid, columnIndex, columnLetters, parseA1, parseRangeA1, rangeA1, toA1 } from '../../src/core';
import { compact, labelKey, pointsOfLabel, unitOfLabel, isNotApplicable } from '../../src/core/text';

describe('A1 addresses', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s and back', (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
    expect(columnIndex(letters)).toBe(n);
  });

  it('converts cells and ranges', () => {
    expect(toA1(5, 7)).toBe('H6');
    expect(parseA1('$H$6')).toEqual({ row: 5, col: 7 });
    expect(parseRangeA1('C2:A1')).toEqual({ top: 0, left: 0, bottom: 1, right: 2 });
    expect(rangeA1({ top: 0, left: 0, bottom: 29, right: 8 })).toBe('A1:I30');
    expect(rangeA1({ top: 3, left: 3, bottom: 3, right: 3 })).toBe('D4');
    expect(() => parseA1('6H')).toThrow(/不是单元格地址/);
  });
});

describe('Grid', () => {
  const grid = new Grid({
    name: 'S',
    values: [
      ['a', null, 'c'],
      [null, null, 5],
    ],
    merges: [{ top: 0, left: 0, bottom: 1, right: 1 }],
    origin: { row: 2, col: 1 },
  });

  it('places values at their sheet coordinates', () => {
    expect(grid.raw(2, 1)).toBe('a');
    expect(grid.raw(3, 3)).toBe(5);
    expect(grid.raw(0, 0)).toBeNull();
    expect(grid.rowCount).toBe(4);
    expect(grid.colCount).toBe(4);
  });

  it('shows a merged value in every cell of the area, but only the top-left cell is its anchor', () => {
    // The merge is given in sheet coordinates.
    const g = new Grid({
      name: 'M',
      values: [
        ['x', null],
        [null, null],
      ],
      merges: [{ top: 0, left: 0, bottom: 1, right: 1 }],
    });
    expect(g.value(1, 1)).toBe('x');
    expect(g.raw(1, 1)).toBeNull();
    expect(g.isAnchor(0, 0)).toBe(true);
    expect(g.isAnchor(1, 0)).toBe(false);
  });
});

describe('label normalisation (rules (c))', () => {
  it.each([
    ['绩\n效\n指\n标', '绩效指标'],
    ['总  分', '总分'],
    ['年度资金总额：', '年度资金总额'],
    ['年度资金总额:', '年度资金总额'],
    ['全年预算数(A)', '全年预算数'],
    ['执行率(B/A)', '执行率'],
    ['执行率（B/A）', '执行率'],
    ['产出指标(50分)', '产出指标'],
    ['项目资金（万元）', '项目资金'],
    ['項目資金 (萬元)', '项目资金'],
    ['年度\n指标值', '年度指标值'],
    ['得分(10分*执行率)', '得分'],
  ])('%j → %s', (raw, key) => {
    expect(labelKey(raw)).toBe(key);
  });

  it('reads units and points from labels', () => {
    expect(unitOfLabel('项目资金（元）')).toBe('元');
    expect(unitOfLabel('项目资金（万元）')).toBe('万元');
    expect(unitOfLabel('项目资金 (萬元)')).toBe('万元');
    expect(unitOfLabel('预算执行情况(万元)(10分)')).toBe('万元');
    expect(unitOfLabel('年初预算数')).toBeNull();
    expect(pointsOfLabel('产出指标(50分)')).toBe('50');
    expect(pointsOfLabel('效益指标（30分）')).toBe('30');
    expect(pointsOfLabel('产出指标')).toBeNull();
  });

  it('knows the not-applicable marks', () => {
    for (const v of ['—', '——', '/', '-', '无', '不适用', ' — ']) expect(isNotApplicable(v)).toBe(true);
    for (const v of ['0', '及时', '', null]) expect(isNotApplicable(v)).toBe(false);
    expect(compact('１，０００ 元')).toBe('1,000元');
  });
});
