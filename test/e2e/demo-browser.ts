// One demo server on 127.0.0.1 and one headless Chromium for an end-to-end test file: the demo built if stale,
// the sample workbooks served (generated from the fixtures when a checkout lacks them), and every request to
// anywhere but the demo server aborted and recorded, as every page error is: the test file checks both lists.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_DIR, ensureBuilt, EXAMPLES_DIR, startDemoServer, type DemoServer } from '../../scripts/demo';
import { writeExamples } from '../../scripts/make-examples';
import { SEED_FILE } from '../fixtures/examples';
import { findChromium } from './chromium';

export interface DemoBrowser {
  server: DemoServer;
  context: BrowserContext;
  page: Page;
  /** Where the sample workbooks are served from. */
  examplesDir: string;
  /** Requests to anywhere but the demo server (aborted), and errors thrown in any page. */
  offsite: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openDemoBrowser(): Promise<DemoBrowser> {
  const executablePath = findChromium();
  ensureBuilt({ quiet: true });
  // The committed sample; generated from the same builder when a checkout does not have it yet.
  const examplesDir = fs.existsSync(path.join(EXAMPLES_DIR, SEED_FILE))
    ? EXAMPLES_DIR
    : fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-examples-'));
  if (examplesDir !== EXAMPLES_DIR) await writeExamples(examplesDir);
  const server = await startDemoServer(0, { web: DEMO_DIR, examples: examplesDir });
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
    serviceWorkers: 'block',
  });
  const offsite: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url)) return route.continue();
    offsite.push(url);
    return route.abort('blockedbyclient');
  });
  const watch = (p: Page): void => void p.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
  const page = context.pages()[0] ?? (await context.newPage());
  context.on('page', watch);
  watch(page);
  return {
    server,
    context,
    page,
    examplesDir,
    offsite,
    pageErrors,
    close: async () => {
      await context.close();
      await server.close();
      fs.rmSync(profileDir, { recursive: true, force: true });
      if (examplesDir !== EXAMPLES_DIR) fs.rmSync(examplesDir, { recursive: true, force: true });
    },
  };
}
