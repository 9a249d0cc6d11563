import assert from 'node:assert/strict';
import { buildUnit, buildUser } from '../support/factories';
import { browserSuite, pasteHtml, signIn } from './support/browser';

const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('the console in a browser: pasted images without an address', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('a screenshot or a local Word picture is not kept as an empty image, and the editor is told at once', async () => {
    const editor = await suite.open();
    await signIn(editor, await buildUser('editor', { unit: await buildUnit() }));
    const page = editor.page;
    await page.getByRole('link', { name: '写新稿件' }).first().click();
    const body = page.getByTestId('body-editor');
    await body.click();
    const paste = (html: string) => pasteHtml(body, html);

    await paste(
      `<p>县城区主干道改造工程进展顺利。</p><p><img src="${PIXEL}" alt="截图"></p><p><img src="file:///C:/Users/a/AppData/Local/Temp/msohtmlclip1/image001.png"></p>` +
        '<p><img src="https://www.gov.cn/images/road.jpg" alt="施工现场"></p>',
    );
    const notice = page.getByTestId('dropped-images');
    await notice.waitFor();
    assert.match((await notice.textContent())!, /2 张图片没有网络地址.*没有保留/);
    assert.equal(await body.locator('img').count(), 1, 'only the picture with an address stays');
    assert.equal(await body.locator('img[src="https://www.gov.cn/images/road.jpg"]').count(), 1);
    assert.equal(await body.locator('img:not([src])').count(), 0, 'no empty image');
    assert.match((await body.textContent())!, /主干道改造工程/);

    // A paste with nothing dropped clears the notice.
    await paste('<p>预计年底前完工。</p>');
    await notice.waitFor({ state: 'detached' });
    assert.deepEqual(editor.errors, []);
  });
});
