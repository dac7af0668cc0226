// The pages in a real browser: Debian's Chromium driven by playwright-core, against the built server started
// as a user would start it (`factsheet serve`, embedded SQLite in a temporary folder). Screenshots are written
// to test-artifacts/ for a person to look at.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = path.join(__dirname, '..', '..');
const artifacts = path.join(root, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

let server: ChildProcess, browser: Browser, page: Page, base: string, dataDir: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net
      .createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = s.address() as net.AddressInfo;
        s.close(() => resolve(port));
      })
      .on('error', reject);
  });
}

async function waitUntilUp(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not come up`);
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  fs.mkdirSync(artifacts, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-web-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(root, 'dist', 'cli', 'main.js'), 'serve', '--port', String(port)], {
    env: { ...process.env, FACTSHEET_DATA_DIR: dataDir, LOG_LEVEL: 'warn', FACTSHEET_LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  await waitUntilUp(`${base}/healthz`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('extract page: the sample article with its facts highlighted, panels, legend and navigation', async () => {
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Load the sample article' }).click();
  await page.waitForFunction(() => (document.getElementById('text') as HTMLTextAreaElement).value.length > 1000);
  await page.getByRole('button', { name: 'Extract facts' }).click();
  await page.locator('.article mark').first().waitFor();

  const person = page.locator('.article mark.f-person', { hasText: 'Amir Khan Muttaqi' }).first();
  await expect(person.isVisible()).resolves.toBe(true);
  const quote = page.locator('#quotes li', { hasText: 'This marks a new phase' });
  await expect(quote.innerText()).resolves.toContain('Amir Khan Muttaqi');
  await page.screenshot({ path: path.join(artifacts, 'extract-laptop.png'), fullPage: false });

  // A timeline entry lands on its span: the trigger piece scrolls into view and flashes.
  const entry = page.locator('#timeline button.fact-link').first();
  const key = await entry.getAttribute('data-key');
  await entry.click();
  const target = page.locator(`.article mark[data-facts~="${key}"]`).first();
  await expect(target.evaluate((el) => el.classList.contains('flash'))).resolves.toBe(true);
  await expect(target.isVisible()).resolves.toBe(true);

  // Toggling a type off takes its colour away.
  const colour = () => person.evaluate((el) => getComputedStyle(el).backgroundColor);
  const before = await colour();
  await page.getByLabel('Person').uncheck();
  expect(await colour()).not.toBe(before);
  await page.getByLabel('Person').check();
  expect(await colour()).toBe(before);

  // Boilerplate lines are greyed and say why.
  const teaser = page.locator('.article mark.f-boilerplate').first();
  await expect(teaser.getAttribute('title')).resolves.toMatch(/not article text/);
});

test('extract page: an empty text is explained, not sent', async () => {
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Extract facts' }).click();
  await expect(page.getByRole('alert').innerText()).resolves.toMatch(/text is empty/i);
});

test('phone width: the page reflows into one column', async () => {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(`${base}/`);
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: path.join(artifacts, 'extract-phone.png') });
  await phone.close();
});

test("search page finds the seed's quotes by speaker after an ingest, and links to the span", async () => {
  const text = fs.readFileSync(path.join(root, 'data', 'samples', 'seed-article.txt'), 'utf8');
  const res = await fetch(`${base}/v1/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'seed', title: 'Russia recognises the Taliban', publishedAt: '2025-07-04', text }),
  });
  expect(res.status).toBeLessThan(300);

  await page.goto(`${base}/ui/search`);
  await page.locator('#speaker-quotes').fill('Muttaqi');
  await page.locator('form[data-search="quotes"] button[type="submit"]').click();
  const hit = page.locator('#results li', { hasText: 'This marks a new phase' });
  await hit.waitFor();
  await page.screenshot({ path: path.join(artifacts, 'search-laptop.png') });

  await hit.getByRole('link').click();
  await page.waitForURL(/\/ui\/articles\/seed#at=\d+/);
  await page.locator('.article mark.flash').first().waitFor();
  await expect(page.locator('#article-title').innerText()).resolves.toBe('Russia recognises the Taliban');
  await page.screenshot({ path: path.join(artifacts, 'article-laptop.png') });
});

test('the API docs page still works', async () => {
  const res = await fetch(`${base}/docs`);
  expect(res.status).toBe(200);
});
