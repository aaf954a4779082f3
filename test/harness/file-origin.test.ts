// Issue 13 item 13: the demo's ?file= opens only files on the demo's own origin; "//host/x.xlsx" and other
// off-site addresses are refused with a clear error (Chinese first), never fetched.
import { demoFileUrl, fetchWorkbook } from '../../src/harness/workbook';

const BASE = 'https://demo.example/selfeval/harness.html?file=x';

describe('demoFileUrl', () => {
  it.each([
    ['examples/表.xlsx', 'https://demo.example/selfeval/examples/%E8%A1%A8.xlsx'],
    ['/other/x.xlsx', 'https://demo.example/other/x.xlsx'],
    ['https://demo.example/a.xlsx', 'https://demo.example/a.xlsx'],
  ])('opens %j on the demo’s own origin', (path, href) => {
    expect(demoFileUrl(path, BASE)).toBe(href);
  });

  it.each([
    '//evil.example/x.xlsx',
    'https://evil.example/x.xlsx',
    'http://demo.example/x.xlsx',
    '/\\evil.example/x.xlsx',
    '\\\\evil.example/x.xlsx',
    'data:application/octet-stream;base64,UEsDBA==',
    'javascript:alert(1)',
    'https://demo.example:8443/x.xlsx',
  ])('refuses %j', (path) => {
    expect(() => demoFileUrl(path, BASE)).toThrow(
      /^只能打开本演示站点上的文件.*only files on the demo's own site/s,
    );
  });

  it('never fetches a refused address', async () => {
    const fetch = jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('', { status: 200 }));
    await expect(async () => fetchWorkbook(demoFileUrl('//evil.example/x.xlsx', BASE))).rejects.toThrow(
      /只能打开/,
    );
    expect(fetch).not.toHaveBeenCalled();
    fetch.mockRestore();
  });
});
