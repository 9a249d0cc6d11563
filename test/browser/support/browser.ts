import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { User } from '../../../server/models';
import { projectRoot } from '../../../workers/lib/projectRoot';
import { PASSWORD } from '../../support/factories';

/**
 * Debian's Chromium, driven by playwright-core (never a downloaded browser). Each launch gets a
 * fresh temporary profile from playwright, and each context is isolated like a separate person.
 */
export async function launchChromium(): Promise<Browser> {
  assert.ok(fs.existsSync('/usr/bin/chromium'), 'Chromium is installed at /usr/bin/chromium (apt-get install chromium)');
  assert.ok(
    fs.existsSync(path.join(projectRoot(), 'dist', 'client', 'index.html')),
    'the console is built (npm test and npm run build build it with the server)',
  );
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A person at their own browser window: the page records every dialog and page error it sees. */
export interface Person {
  context: BrowserContext;
  page: Page;
  dialogs: string[];
  errors: string[];
}

export async function openPerson(browser: Browser, baseUrl: string): Promise<Person> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1360, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  // Console errors count too (a Content-Security-Policy refusal shows only there), except images
  // of drafts that cannot load on a machine without Internet access.
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(message.text());
  });
  return { context, page, dialogs, errors };
}

/** Signs in through the login form, as a person would. */
export async function signIn(person: Person, user: User, password = PASSWORD): Promise<void> {
  const { page } = person;
  await page.goto('/login');
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

/**
 * Where the tests save their screenshots: test-artifacts/screenshots (not tracked) unless
 * SCREENSHOTS_DIR says otherwise; `SCREENSHOTS_DIR=docs/screenshots npm test` refreshes the
 * README's pictures, so that an ordinary test run leaves the checkout as it found it.
 */
export function screenshotPath(name: string): string {
  const dir = path.resolve(projectRoot(), process.env.SCREENSHOTS_DIR ?? path.join('test-artifacts', 'screenshots'));
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}
