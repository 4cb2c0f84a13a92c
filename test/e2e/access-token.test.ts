// The access token as a browser user meets it (issue 7, item 11): the built headless app in a
// child process, the panel in real Chromium. A page without the token gets the token screen, not
// "Connection lost"; a page opened with ?token= drops it from the address bar and still reloads.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shoot } from './browser.js';
import type { HeadlessProcess } from './headless-process.js';
import { startPanelWorld, type PanelWorld } from './panel-world.js';

let stage: PanelWorld;
let app: HeadlessProcess;
let browser: Browser;
let accessToken: string;
let origin: string;

beforeAll(async () => {
  stage = await startPanelWorld('token');
  ({ app, browser } = stage);
  const printed = new URL(app.url);
  accessToken = printed.searchParams.get('token') ?? '';
  expect(accessToken).not.toBe('');
  origin = printed.origin;
});

afterAll(() => stage?.close());

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 900, height: 640 } });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  return page;
}

const connected = (page: Page) => page.locator('[data-testid="status"][data-state="connected"]').waitFor({ timeout: 10_000 });

describe('access token in Chromium', () => {
  it('without the token: the token screen, never the reconnect banner; pasting the token connects', async () => {
    const page = await newPage();
    await page.goto(`${origin}/`);
    const tokenScreen = page.getByTestId('access-token-screen');
    await tokenScreen.waitFor({ timeout: 10_000 });
    await expect(tokenScreen.textContent()).resolves.toContain('This panel needs its access token');
    await expect(tokenScreen.textContent()).resolves.toContain('npm run headless');
    expect(await page.getByTestId('connection-banner').count()).toBe(0);
    await shoot(page, 'access-token');

    // Same length, one character off: refused, and the screen says so.
    const field = page.getByLabel('Access token', { exact: true });
    const wrong = `${accessToken.slice(0, -1)}${accessToken.endsWith('A') ? 'B' : 'A'}`;
    await field.fill(wrong);
    await page.getByTestId('access-token-submit').click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not this panel’s access token');
    expect(await page.getByTestId('connection-banner').count()).toBe(0);

    // The whole printed address works as well as the bare token.
    await field.fill(app.url);
    await page.getByTestId('access-token-submit').click();
    await connected(page);
    expect(page.url()).not.toContain(accessToken);
    await page.context().close();
  });

  it('with ?token=: the address bar no longer holds it after load, and a reload still connects', async () => {
    const page = await newPage();
    await page.goto(app.url);
    await connected(page);
    expect(page.url()).toBe(`${origin}/`);
    await page.reload();
    await connected(page);
    expect(page.url()).not.toContain('token');
    // Replaced, not pushed: no history entry carries the token (Back leads to the blank tab it came from).
    await page.goBack();
    expect(page.url()).toBe('about:blank');
    await page.goForward();
    expect(page.url()).toBe(`${origin}/`);
    await connected(page);
    await page.context().close();
  });

  it('a server that is gone still shows the reconnect banner, not the token screen', async () => {
    const page = await newPage();
    await page.goto(app.url);
    await connected(page);
    expect(await app.stop()).toBe(0);
    const banner = page.getByTestId('connection-banner');
    await banner.waitFor({ timeout: 10_000 });
    await expect(banner.textContent()).resolves.toContain('Connection lost — reconnecting…');
    // Two probes have failed (each asked /api/auth, which did not answer) and it is still the banner.
    await banner.getByText('Reconnection attempt 3/10…').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('access-token-screen').count()).toBe(0);
    await page.context().close();
  });
});
