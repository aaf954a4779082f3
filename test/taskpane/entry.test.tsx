/** @jest-environment jsdom */
// The task pane's entry (index.tsx): Office.onReady → createOfficeHost → App, in Office's display language; a
// banner instead of a blank page when office.js is missing or the page is opened outside Excel.
import { configure, screen } from '@testing-library/react';
import type { SettingsLike } from '../../src/hosts/office';

configure({ asyncUtilTimeout: 10000 });

type G = { Office?: unknown; IS_REACT_ACT_ENVIRONMENT?: boolean };
type ReadyCallback = Parameters<typeof Office.onReady>[0];
type SaveCallback = Parameters<SettingsLike['saveAsync']>[0];

function fakeOffice(host: string | null, displayLanguage: string): unknown {
  const values = new Map<string, unknown>();
  return {
    HostType: { Excel: 'Excel', Word: 'Word' },
    onReady: (cb: ReadyCallback) => {
      cb?.({ host } as unknown as Parameters<NonNullable<ReadyCallback>>[0]);
      return Promise.resolve({ host });
    },
    context: {
      displayLanguage,
      requirements: {
        isSetSupported: (_name: string, v?: string) => v === undefined || Number(v.split('.')[1]) <= 8,
      },
      document: {
        url: 'C:\\forms\\2021.xlsx',
        settings: {
          get: (k: string) => values.get(k) ?? null,
          set: (k: string, v: unknown) => values.set(k, v),
          remove: (k: string) => values.delete(k),
          saveAsync: (cb?: SaveCallback) => cb?.({ status: 'succeeded' }),
        },
      },
    },
  };
}

function loadEntry(): void {
  document.body.innerHTML = '<div id="container"></div>';
  // A fresh copy of the entry and of React (isolateModules): React's act() of the test cannot wrap that copy's
  // renders, so tell it not to expect act; the queries below wait for the pane instead.
  (globalThis as G).IS_REACT_ACT_ENVIRONMENT = false;
  jest.isolateModules(() => {
    require('../../src/taskpane/index');
  });
}

afterEach(() => {
  delete (globalThis as G).Office;
});

it('renders the pane in English when Office speaks English, with the host capabilities', async () => {
  (globalThis as G).Office = fakeOffice('Excel', 'en-US');
  loadEntry();
  expect(await screen.findByRole('button', { name: 'Score' })).toBeTruthy();
  expect(screen.getByTestId('about').textContent).toBe('Excel API 1.8 · explanations: none');
});

it('renders the pane in Chinese otherwise', async () => {
  (globalThis as G).Office = fakeOffice('Excel', 'zh-CN');
  loadEntry();
  expect(await screen.findByRole('button', { name: '评分' })).toBeTruthy();
});

it('says to open it from Excel when another host or a browser loads it', async () => {
  (globalThis as G).Office = fakeOffice(null, 'zh-CN');
  loadEntry();
  expect((await screen.findByTestId('not-in-excel')).textContent).toContain('请在 Excel 中打开');
});

it('says office.js did not load when there is no Office at all', async () => {
  loadEntry();
  expect((await screen.findByTestId('not-in-excel')).textContent).toContain('appsforoffice.microsoft.com');
});
