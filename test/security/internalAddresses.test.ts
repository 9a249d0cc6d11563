import assert from 'node:assert/strict';
import { Draft } from '../../server/models';
import { buildReviewTeam, CLEAN_DRAFT } from '../support/factories';
import { startTestProduct } from '../support/testProduct';

/** Images load in the reviewer's browser by themselves: a draft must not aim them (or links) inside the network. */
describe('drafts with images or links into the internal network', function () {
  this.timeout(180_000);
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  const withImage = (src: string) => ({ ...CLEAN_DRAFT, title: '内网图片', body: `<p>图</p><img src="${src}">` });
  const INTERNAL_IMAGES = [
    'http://192.168.1.1/cgi-bin/reboot.cgi?confirm=1',
    'http://10.0.0.8/a.png',
    'http://172.20.1.1/a.png',
    'http://127.0.0.1:8080/a.png',
    'http://0x7f.1/a.png',
    'http://2130706433/a.png',
    'http://169.254.169.254/latest/meta-data/',
    'http://0.0.0.0/a.png',
    'http://[::1]/a.png',
    'http://[::]/a.png',
    'http://[fd00::1]/a.png',
    'http://[fe80::1]/a.png',
    'http://[::ffff:192.168.1.1]/a.png',
    'http://localhost/a.png',
    'https://LOCALHOST./a.png',
    'http://admin.localhost/a.png',
    'http://router/a.png',
    'http://oa.county.lan/a.png',
    'http://printer.local/a.png',
    'http://nas.home.arpa/a.png',
    'https://wiki.corp.internal/a.png',
    'http://100.64.0.1/a.png',
  ];

  it('refuses on submission, naming the address, and stores nothing', async () => {
    const team = await buildReviewTeam(url, 2);
    const before = await Draft.count();
    for (const src of INTERNAL_IMAGES) {
      const refused = await team.editorClient.post('/api/drafts', withImage(src));
      assert.equal(refused.status, 422, `${src}: ${JSON.stringify(refused.body)}`);
      assert.equal(refused.body.error.message, `图片地址不能指向内网或本机：${src}`);
    }
    const link = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, body: '<p><a href="http://192.168.0.10/admin">后台</a>报名</p>' });
    assert.equal(link.status, 422);
    assert.equal(link.body.error.message, '链接地址不能指向内网或本机：http://192.168.0.10/admin');
    const source = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, sourceType: 'repost', sourceName: '县政府网', sourceUrl: 'http://10.1.2.3/news/1.html' });
    assert.equal(source.status, 422, JSON.stringify(source.body));
    assert.match(source.body.error.message, /不能指向内网或本机：http:\/\/10\.1\.2\.3\/news\/1\.html/);
    assert.equal(await Draft.count(), before, 'nothing stored');

    // Public addresses, including ones that merely look alike, are fine.
    for (const src of ['https://www.gov.cn/a.png', 'http://172.32.0.1/a.png', 'http://192.169.1.1/a.png', 'http://11.0.0.1/a.png', 'https://[2001:db8::1]/a.png', 'http://100.128.0.1/a.png', 'https://www.local.gov.cn/a.png', 'https://lan.example.cn/a.png']) {
      const accepted = await team.editorClient.post('/api/drafts', withImage(src));
      assert.equal(accepted.status, 201, `${src}: ${JSON.stringify(accepted.body)}`);
    }
  });

  it('refuses on revision and keeps the saved revision as it was', async () => {
    const team = await buildReviewTeam(url, 2);
    const id = (await team.editorClient.post('/api/drafts', CLEAN_DRAFT)).body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    assert.equal((await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', comment: '请配图' })).status, 201);
    await team.editorClient.waitForDraft(id, (d) => d.status === 'returned');

    const refused = await team.editorClient.put(`/api/drafts/${id}`, withImage('http://192.168.1.1/cgi-bin/reboot.cgi?confirm=1'));
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.equal(refused.body.error.message, '图片地址不能指向内网或本机：http://192.168.1.1/cgi-bin/reboot.cgi?confirm=1');
    const kept = (await team.editorClient.get(`/api/drafts/${id}`)).body;
    assert.deepEqual([kept.status, kept.revision, kept.title], ['returned', 1, CLEAN_DRAFT.title]);
    assert.equal(kept.body, CLEAN_DRAFT.body);

    const revised = await team.editorClient.put(`/api/drafts/${id}`, withImage('https://www.gov.cn/a.png'));
    assert.equal(revised.status, 200, JSON.stringify(revised.body));
  });
});
