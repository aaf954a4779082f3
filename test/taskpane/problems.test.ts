// Errors from Excel and the core turned into banners that say what to do; the language switch; version compare.
import { classifyError, bannerText } from '../../src/taskpane/problems';
import { langFromDisplayLanguage, MESSAGES } from '../../src/ui-text';
import { compareApiVersions, meetsRequirement, MIN_EXCEL_API } from '../../src/taskpane/requirements';

function officeError(code: string, message: string, debugMessage?: string): Error {
  return Object.assign(new Error(message), { code, debugInfo: { code, message: debugMessage ?? message } });
}

describe('classifyError', () => {
  it('recognises a protected sheet', () => {
    expect(classifyError(officeError('AccessDenied', 'Access denied')).kind).toBe('protected');
    expect(classifyError(officeError('InvalidOperation', 'The sheet is protected.')).kind).toBe('protected');
    expect(
      classifyError(Object.assign(new Error('x'), { name: 'SheetProtectedError', sheet: '表1' })),
    ).toEqual({
      kind: 'protected',
      sheet: '表1',
    });
  });

  it('does not call every InvalidOperation a protection problem', () => {
    expect(classifyError(officeError('InvalidOperation', 'Cannot merge')).kind).toBe('other');
  });

  it('recognises an API this Excel lacks, and says which set is needed', () => {
    for (const code of ['ApiNotFound', 'NotImplemented', 'UnsupportedOperation', 'UnsupportedFeature']) {
      expect(classifyError(officeError(code, 'nope'), '1.8')).toEqual({
        kind: 'unsupported',
        needed: MIN_EXCEL_API,
        have: '1.8',
      });
    }
    expect(classifyError(new Error('This operation is not supported in this Excel version')).kind).toBe(
      'unsupported',
    );
    expect(
      classifyError(Object.assign(new Error('x'), { code: 'ApiNotFound', needed: '1.13' })),
    ).toMatchObject({
      needed: '1.13',
    });
  });

  it('recognises cell-edit mode', () => {
    expect(classifyError(officeError('InvalidOperationInCellEditMode', 'editing')).kind).toBe('cellEdit');
  });

  it('keeps the message of anything else, including non-errors', () => {
    expect(classifyError(new Error('读取失败'))).toEqual({ kind: 'other', message: '读取失败' });
    expect(classifyError('plain text')).toEqual({ kind: 'other', message: 'plain text' });
    expect(classifyError(undefined)).toEqual({ kind: 'other', message: 'undefined' });
    expect(classifyError(Object.assign(new Error('zh / en'), { messageZh: '规则集无效' }))).toEqual({
      kind: 'other',
      message: '规则集无效',
    });
  });

  it('gives every problem a title and a body that says what to do, in both languages', () => {
    for (const m of Object.values(MESSAGES)) {
      const other = bannerText({ kind: 'other', message: 'boom.' }, m);
      expect(other.body).toMatch(/^boom[。.] ?[^.。]/);
      expect(other.body).toMatch(/重试|try again/);
      expect(bannerText({ kind: 'protected', sheet: 'S1' }, m).body).toContain('S1');
      expect(bannerText({ kind: 'unsupported', needed: '1.7', have: null }, m).body).toContain(
        'ExcelApi 1.7',
      );
    }
  });
});

describe('language', () => {
  it('is English for an English Office and Chinese otherwise', () => {
    expect(langFromDisplayLanguage('en-US')).toBe('en');
    expect(langFromDisplayLanguage('en-GB')).toBe('en');
    expect(langFromDisplayLanguage('EN')).toBe('en');
    expect(langFromDisplayLanguage('zh-CN')).toBe('zh-CN');
    expect(langFromDisplayLanguage('zh-TW')).toBe('zh-CN');
    expect(langFromDisplayLanguage('fr-FR')).toBe('zh-CN');
    expect(langFromDisplayLanguage(undefined)).toBe('zh-CN');
  });

  it('has every rulebook preset named in both catalogues', () => {
    const { presetNames } = require('../../src/core') as typeof import('../../src/core');
    for (const id of presetNames()) {
      expect(MESSAGES['zh-CN'].rulebookNames[id]).toBeTruthy();
      expect(MESSAGES.en.rulebookNames[id]).toBeTruthy();
    }
  });
});

describe('requirement sets', () => {
  it('compares versions, not decimals', () => {
    expect(compareApiVersions('1.10', '1.8')).toBe(1);
    expect(compareApiVersions('1.8', '1.10')).toBe(-1);
    expect(compareApiVersions('1.7', '1.7')).toBe(0);
    expect(meetsRequirement('1.8', '1.7')).toBe(true);
    expect(meetsRequirement('1.6', '1.7')).toBe(false);
    expect(meetsRequirement('?', '1.7')).toBe(true);
  });
});
