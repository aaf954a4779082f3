// Opening a workbook in the harness from a URL: a bad ?file= is reported with the name as given, never a throw
// of its own.
import { fetchWorkbook, fileNameOf } from '../../src/harness/workbook';

describe('fileNameOf', () => {
  it('decodes the last part of a path', () => {
    expect(fileNameOf('examples/%E8%A1%A8.xlsx')).toBe('表.xlsx');
    expect(fileNameOf('a/b/c.xlsx')).toBe('c.xlsx');
  });

  it('keeps a malformed escape as written instead of throwing', () => {
    expect(fileNameOf('examples/100%.xlsx')).toBe('100%.xlsx');
  });
});

describe('fetchWorkbook', () => {
  afterEach(() => jest.restoreAllMocks());

  it('names the file in an HTTP error even when its escape is malformed', async () => {
    jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('', { status: 404 }));
    await expect(fetchWorkbook('http://127.0.0.1:3100/examples/100%.xlsx')).rejects.toThrow(
      '无法读取 / cannot fetch http://127.0.0.1:3100/examples/100%.xlsx: HTTP 404',
    );
  });
});
