import assert from 'node:assert/strict';
import { ORIGINAL, REPOST_WITH_AN_ADDRESS_IN_ITS_SOURCE_NAME } from '../support/addressDrafts';
import { buildReviewTeam, CLEAN_DRAFT } from '../support/factories';
import { startTestProduct } from '../support/testProduct';

/** A draft that writes addresses as plain text, next to a link that shows its own address. */
const DRAFT_WITH_ADDRESSES = {
  title: '关于县政务网 www.county-guide.org.cn 上线的通知',
  body:
    '<p>详情见 http://t.cn/A6abcd 或 www.shop-example.com/buy，亦可打开 #小程序://县政务服务/abc123 办理。</p>' +
    '<p>另见<a href="https://www.gov.cn/zhengce/">www.gov.cn/zhengce</a>，<a href="https://www.gov.cn/">国务院网站</a>。</p>',
  sourceType: 'original' as const,
};

/** A repost whose original's address stands four ways, with a page linked twice and an image. */
const REPOST_WITH_ITS_SOURCE_IN_THE_BODY = {
  title: '转载：全国政务新媒体工作会议召开',
  body:
    `<p>会议情况详见新华网 ${ORIGINAL} 。</p>` +
    `<p><a href="http://WWW.xinhuanet.com/politics/2026-11/20/c_1.htm">阅读原文</a>，另见<a href="https://www.gov.cn/">中国政府网</a>和<a href="http://www.gov.cn">国务院网站</a>。</p>` +
    '<p><img src="https://www.gov.cn/images/guohui.png" alt="国徽"></p>',
  sourceType: 'repost' as const,
  sourceName: `新华网 ${ORIGINAL}`,
  sourceUrl: `https://${ORIGINAL}`,
};

describe('a draft presents its addresses: written in its title, body and source name, and for the reviewer each once (GET /api/drafts/{id})', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('lists each address written as text with its field and offsets, and says which a link of the body already points to', async () => {
    const team = await buildReviewTeam(url, 1);
    const submitted = await team.editorClient.post('/api/drafts', DRAFT_WITH_ADDRESSES);
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    const draft = await team.editorClient.waitForDraft(submitted.body.id, (d) => d.status !== 'screening');

    assert.deepEqual(
      draft.textUrls.map((u: any) => [u.field, u.url, u.linked]),
      [
        ['title', 'www.county-guide.org.cn', false],
        ['body', 'http://t.cn/A6abcd', false],
        ['body', 'www.shop-example.com/buy', false],
        ['body', '#小程序://县政务服务/abc123', false],
        ['body', 'www.gov.cn/zhengce', true],
      ],
    );
    for (const address of draft.textUrls) {
      assert.equal(draft.text[address.field].slice(address.start, address.end), address.url, 'offsets point into the plain text');
    }
  });

  it('lists every address of the draft once for the reviewer, as the most telling of the ways it stands there', async () => {
    const team = await buildReviewTeam(url, 1);
    const submitted = await team.editorClient.post('/api/drafts', REPOST_WITH_ITS_SOURCE_IN_THE_BODY);
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    const draft = await team.editorClient.waitForDraft(submitted.body.id, (d) => d.status !== 'screening');

    // The original is the repost's source (原文) however often and however spelt it stands elsewhere; a page linked twice is one link.
    assert.deepEqual(draft.addresses, [
      { kind: 'source', url: `https://${ORIGINAL}`, text: `新华网 ${ORIGINAL}`, field: null },
      { kind: 'link', url: 'https://www.gov.cn/', text: '中国政府网', field: null },
      { kind: 'image', url: 'https://www.gov.cn/images/guohui.png', text: '国徽', field: null },
    ]);
    // Addresses written as text stay listed where they stand, the source name included.
    assert.deepEqual(
      draft.textUrls.map((u: any) => [u.field, u.url, u.linked]),
      [
        ['body', ORIGINAL, true],
        ['sourceName', ORIGINAL, true],
      ],
    );
    for (const address of draft.textUrls) {
      assert.equal(draft.text[address.field].slice(address.start, address.end), address.url, 'offsets point into the plain text');
    }
  });

  it('lists an address written in the source name that the source URL does not point to', async () => {
    const team = await buildReviewTeam(url, 1);
    const submitted = await team.editorClient.post('/api/drafts', REPOST_WITH_AN_ADDRESS_IN_ITS_SOURCE_NAME);
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    const draft = await team.editorClient.waitForDraft(submitted.body.id, (d) => d.status !== 'screening');
    assert.deepEqual(draft.addresses, [
      { kind: 'source', url: 'https://www.gov.cn/zhengce/2026-11/20/content_1.htm', text: `新华网 ${ORIGINAL}`, field: null },
      { kind: 'text', url: ORIGINAL, text: '', field: 'sourceName' },
    ]);
    assert.deepEqual(
      draft.textUrls.map((u: any) => [u.field, u.url, u.start, u.end, u.linked]),
      [['sourceName', ORIGINAL, 4, 4 + ORIGINAL.length, false]],
    );
  });

  it('a draft without addresses in its text has none', async () => {
    const team = await buildReviewTeam(url, 1);
    const submitted = await team.editorClient.post('/api/drafts', CLEAN_DRAFT);
    const draft = await team.editorClient.waitForDraft(submitted.body.id, (d) => d.status !== 'screening');
    assert.deepEqual(draft.textUrls, []);
    assert.deepEqual(draft.addresses, []);
  });
});
