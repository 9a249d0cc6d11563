import assert from 'node:assert/strict';
import { Page } from 'playwright-core';
import { buildUser } from '../support/factories';
import { browserSuite, screenshotPath, signIn } from './support/browser';

// Functions given to evaluate run in the browser; the server's compilation has no DOM types.
declare const getComputedStyle: any;

async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  assert.ok(found, `${selector} is shown`);
  return found;
}

describe('the console in a browser: the header at a tablet’s width', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('at 768 px with six menu items the title, the menu, the user and 退出登录 stay readable inside the red bar', async () => {
    const person = await suite.open();
    const { page } = person;
    await signIn(person, await buildUser('sysadmin'));
    await page.setViewportSize({ width: 768, height: 900 });
    const header = await box(page, 'header.topbar');
    const brand = await box(page, 'header .brand');
    const logout = await box(page, 'header .who button');
    assert.ok(brand.height < 30, `the title keeps to one line (${brand.height} px high)`);
    assert.ok(logout.height < 30 && logout.width > 40, `退出登录 keeps to one line (${logout.width}×${logout.height} px)`);
    const name = await box(page, 'header .who span:nth-of-type(2)');
    assert.ok(name.height < 30, `the user's name and role keep to one line (${name.height} px high)`);
    const links = page.locator('header .mainnav a');
    assert.equal(await links.count(), 6);
    for (let i = 0; i < 6; i++) {
      const link = (await links.nth(i).boundingBox())!;
      assert.ok(link.y + link.height <= header.y + header.height + 0.5, `menu item ${i + 1} is inside the red bar`);
      assert.ok(link.x + link.width <= 768, `menu item ${i + 1} is on the screen`);
    }
    assert.ok(brand.y + brand.height <= header.y + header.height);
    await page.screenshot({ path: screenshotPath('header-768') });

    // On a desktop screen the header stays one bar of one line.
    await page.setViewportSize({ width: 1360, height: 900 });
    const wide = await box(page, 'header.topbar');
    assert.ok(wide.height < 60, `one line at 1360 px (${wide.height} px high)`);
    assert.deepEqual(person.errors, []);
  });

  it('账户安全 in the red bar reads like 退出登录 next to it, not as a browser-blue link on red', async () => {
    const person = await suite.open();
    const { page } = person;
    await signIn(person, await buildUser('editor'));
    const colourOf = (selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).color);
    const logout = await colourOf('header .who button');
    assert.equal(await colourOf('header .who a'), logout, '账户安全 has the colour of 退出登录');
    // Also on the page itself (the link is then the current one).
    await page.locator('header .who a').click();
    await page.getByRole('heading', { name: '账户安全' }).waitFor();
    assert.equal(await colourOf('header .who a'), logout, 'and while it is the page shown');
  });
});
