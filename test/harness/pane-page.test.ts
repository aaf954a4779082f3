// The task pane's page as the harness loads it: office.js from the CDN replaced by the local stand-in, nothing
// else changed.
import { PanePageError, rewritePanePage } from '../../src/harness/pane-page';

const BUNDLE = 'http://127.0.0.1:3100/harness.0123abcd.js';
const BASE = 'http://127.0.0.1:3100/';

describe('rewritePanePage', () => {
  test('the minified production page: the unquoted office.js tag is replaced, the pane bundle kept', () => {
    const html =
      '<!doctype html><html lang=zh-CN><head><meta charset=UTF-8><title>x</title>' +
      '<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>' +
      '<script defer src=taskpane.7a9b2397.js></script></head><body><div id=container></div></body></html>';
    const out = rewritePanePage(html, BUNDLE, BASE);
    expect(out).not.toContain('appsforoffice');
    expect(out).toContain(`<script src="${BUNDLE}" data-selfeval-role="fake-office"></script>`);
    expect(out).toContain('<script defer src=taskpane.7a9b2397.js></script>');
    expect(out).toContain(`<head><base href="${BASE}">`);
    // The stand-in comes before the pane's own (deferred) script.
    expect(out.indexOf('fake-office')).toBeLessThan(out.indexOf('taskpane.7a9b2397.js'));
  });

  test('the source page: a quoted tag with a type attribute', () => {
    const html =
      '<html><head>\n<script type="text/javascript" src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>\n</head></html>';
    const out = rewritePanePage(html, BUNDLE, BASE);
    expect(out).not.toContain('appsforoffice');
    expect(out).toContain('data-selfeval-role="fake-office"');
  });

  test('a page that does not load office.js, or loads it twice, is refused rather than half-replaced', () => {
    expect(() => rewritePanePage('<html><head></head></html>', BUNDLE, BASE)).toThrow(PanePageError);
    const twice = '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>'.repeat(
      2,
    );
    expect(() => rewritePanePage(twice, BUNDLE, BASE)).toThrow(/found 2/);
  });
});
