import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { User } from '../../../server/models';
import { projectRoot } from '../../../workers/lib/projectRoot';
import { PASSWORD } from '../../support/factories';
import { startTestProduct } from '../../support/testProduct';

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

/** Where the person's computer is set: a county office in China unless told (a laptop set to another zone, an English system). */
export interface Whereabouts {
  locale?: string;
  timezoneId?: string;
}

export async function openPerson(browser: Browser, baseUrl: string, where: Whereabouts = {}): Promise<Person> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1360, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...where });
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

export interface BrowserSuite {
  /** The product's address (set once the suite's `before` hook has run). */
  readonly url: string;
  readonly browser: Browser;
  /** Everyone opened so far, e.g. to check no page logged an error. */
  readonly people: readonly Person[];
  /** A new person: a browser context of their own (cookies, storage) with one page. */
  open(where?: Whereabouts): Promise<Person>;
}

/**
 * What every browser suite needs, registered as the calling describe's hooks: the product
 * started in this process, one Chromium, and every context it opened closed afterwards.
 */
export function browserSuite(): BrowserSuite {
  const people: Person[] = [];
  let url = '';
  let browser: Browser | undefined;
  before(async () => {
    url = (await startTestProduct()).url;
    browser = await launchChromium();
  });
  after(async () => {
    for (const person of people) await person.context.close().catch(() => undefined);
    await browser?.close();
  });
  return {
    get url() {
      return url;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in the suite’s before hook');
      return browser;
    },
    people,
    async open(where?: Whereabouts) {
      const person = await openPerson(this.browser, url, where);
      people.push(person);
      return person;
    },
  };
}

/** A reviewer signed in on a draft's review page and holding its claim (the page claims it on opening). */
export async function reviewerOnDraft(suite: BrowserSuite, reviewer: User, draftId: number, viewport?: { width: number; height: number }): Promise<Person> {
  const person = await suite.open();
  if (viewport) await person.page.setViewportSize(viewport);
  await signIn(person, reviewer);
  await person.page.goto(`/review/${draftId}`);
  await person.page.locator('.claim-mine').waitFor();
  return person;
}

/**
 * The person's session ends without their page asking (signed out in another tab of the same
 * browser, as an idle timeout on the server would end it): the page shows the login form.
 */
export async function endSessionElsewhere(person: Person): Promise<void> {
  const otherTab = await person.context.newPage();
  await otherTab.goto('/');
  await otherTab.getByRole('button', { name: '退出登录' }).click();
  await otherTab.getByRole('button', { name: '登录' }).waitFor();
  await otherTab.close();
  await person.page.getByRole('status').filter({ hasText: '请重新登录' }).waitFor({ timeout: 30_000 });
}

/** Signs in again on the login form the ended session left on the page. */
export async function signInAgain(person: Person, user: User, password = PASSWORD): Promise<void> {
  const { page } = person;
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

/**
 * Waits until `expression` is true in the page. Asked from here, not with page.waitForFunction:
 * the console's Content-Security-Policy refuses the eval that a repeated in-page check needs.
 */
export async function untilTrueInPage(page: Page, expression: string, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) assert.fail(`still not so after 15 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The page's own globals, inside evaluate (the tests compile without the DOM library).
declare const DataTransfer: any, ClipboardEvent: any;

/** Pastes HTML into an editable element as the browser delivers it from the clipboard (from Word, WPS, a web page). */
export async function pasteHtml(target: Locator, html: string): Promise<void> {
  await target.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/html', pasted);
    data.setData('text/plain', 'ignored');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}
