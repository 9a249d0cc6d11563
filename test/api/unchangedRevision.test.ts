import assert from 'node:assert/strict';
import { buildAccount, buildReviewTeam, CLEAN_DRAFT } from '../support/factories';
import { startTestProduct } from '../support/testProduct';

const UNCHANGED = '稿件内容与退回时相同，请按审核意见修改后再提交；如无需修改，请在说明中写明理由';

describe('resubmitting a returned draft unchanged', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  /** A draft for one account, returned by level 1: what the editor gets back to revise. */
  async function returnedDraft() {
    const team = await buildReviewTeam(url, 1);
    const account = await buildAccount(team.unit);
    const other = await buildAccount(team.unit, { name: '县应急' });
    const content = { ...CLEAN_DRAFT, sourceType: 'repost' as const, sourceName: '清河县人民政府', sourceUrl: 'https://www.gov.cn/a.html', accountIds: [account.id] };
    const id = (await team.editorClient.post('/api/drafts', content)).body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    const returned = await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', comment: '请核实报名时间' });
    assert.equal(returned.status, 201, JSON.stringify(returned.body));
    return { team, id, content, other };
  }

  it('is refused in Chinese, with the accounts named again or kept, and leaves the draft as it was', async () => {
    const { team, id, content } = await returnedDraft();
    for (const same of [content, { ...content, accountIds: undefined }, { ...content, title: ` ${content.title} `, accountIds: [...content.accountIds, ...content.accountIds] }]) {
      const refused = await team.editorClient.put(`/api/drafts/${id}`, same);
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.equal(refused.body.error.message, UNCHANGED);
    }
    const draft = (await team.editorClient.get(`/api/drafts/${id}`)).body;
    assert.deepEqual([draft.status, draft.revision], ['returned', 1]);
  });

  for (const [what, change] of [
    ['title', { title: '县人社局发布公开招聘公告（更正）' }],
    ['body', { body: '<p>报名时间更正为3月2日至3月9日。</p>' }],
    ['source name', { sourceName: '清河县人民政府办公室' }],
    ['source address', { sourceUrl: 'https://www.gov.cn/b.html' }],
    ['kind of source', { sourceType: 'original', sourceName: null, sourceUrl: null }],
    ['target accounts', 'other account'],
  ] as const) {
    it(`is accepted when the ${what} changed`, async () => {
      const { team, id, content, other } = await returnedDraft();
      const revised = await team.editorClient.put(`/api/drafts/${id}`, { ...content, ...(change === 'other account' ? { accountIds: [other.id] } : change) });
      assert.equal(revised.status, 200, JSON.stringify(revised.body));
      assert.equal(revised.body.revision, 2);
    });
  }

  it('is accepted with a note saying why, which reviewers then read in the draft’s history', async () => {
    const { team, id, content } = await returnedDraft();
    const blank = await team.editorClient.put(`/api/drafts/${id}`, { ...content, note: '   ' });
    assert.equal(blank.status, 422, 'a blank note explains nothing');
    const note = '报名时间已与县人社局核实无误，无需修改';
    const revised = await team.editorClient.put(`/api/drafts/${id}`, { ...content, note });
    assert.equal(revised.status, 200, JSON.stringify(revised.body));
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review' && d.revision === 2);
    const events = (await team.reviewerClients[0]!.get(`/api/drafts/${id}/events`)).body.items as any[];
    assert.equal(events.find((e) => e.type === 'revised').note, note);
    assert.ok(events.filter((e) => e.type !== 'revised').every((e) => e.note === null));
  });

  it('refuses a note on a new draft, where there is nothing to explain', async () => {
    const { team } = await returnedDraft();
    assert.equal((await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, note: '说明' })).status, 400);
  });
});
