import assert from 'node:assert/strict';
import { Screening, Term } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { httpRedis } from '../../server/storage/redis';
import { announceRuleChange } from '../../workers/rules/ruleProvider';
import { bumpRuleVersion } from '../../workers/rules/ruleVersions';
import { buildReviewTeam, buildUser, loggedIn } from '../support/factories';
import { connectSocket, nextEvent } from '../support/socketClient';
import { startTestProduct } from '../support/testProduct';

describe('re-screening drafts in review after a rule change', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('re-screens every draft in review with the new term, shows progress and the drafts that changed verdict', async () => {
    const marker = `测试违禁词${Date.now() % 100000}`;
    const team = await buildReviewTeam(url);
    const security = await loggedIn(url, await buildUser('secadmin'));
    const flagged = await team.editorClient.post('/api/drafts', { title: '通知', body: `<p>会上有人提到${marker}一事。</p>`, sourceType: 'original' });
    const clean = await team.editorClient.post('/api/drafts', { title: '通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' });
    const before = await team.editorClient.waitForDraft(flagged.body.id, (d) => d.status === 'in_review');
    await team.editorClient.waitForDraft(clean.body.id, (d) => d.status === 'in_review');
    assert.notEqual(before.verdict, 'block');

    const version = await sequelize().transaction(async (transaction) => {
      await Term.create({ term: marker, category: 'test', severity: 'block', note: null, origin: 'test' }, { transaction });
      return bumpRuleVersion('terms', transaction);
    });
    await announceRuleChange(httpRedis(), 'terms', version);

    const socket = await connectSocket(security);
    try {
      const progressed = nextEvent(socket, 'rescreen:progress');
      const started = await security.post('/api/rescreens', { scope: 'in_review', reason: '新增违禁词' });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      assert.ok(started.body.total >= 2);
      const batchId = started.body.id as number;
      assert.equal((await progressed).batchId, batchId);

      const deadline = Date.now() + 30_000;
      let progress = started.body;
      while (!progress.finished && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        progress = (await security.get(`/api/rescreens/${batchId}`)).body;
      }
      assert.equal(progress.finished, true, JSON.stringify(progress));
      assert.equal(progress.done, progress.total);
      const changes = (await security.get(`/api/rescreens/${batchId}/changes`)).body.items as any[];
      const change = changes.find((c) => c.draftId === flagged.body.id);
      assert.ok(change, 'the draft with the new term is listed as changed');
      assert.equal(change.verdict, 'block');
      assert.ok(!changes.some((c) => c.draftId === clean.body.id), 'the clean draft kept its verdict');

      const after = (await team.editorClient.get(`/api/drafts/${flagged.body.id}`)).body;
      assert.equal(after.verdict, 'block');
      assert.equal(after.status, 'in_review', 're-screening changes the verdict, not the draft’s place in the flow');
      assert.ok(after.findings.some((f: any) => f.text === marker));
      assert.equal(await Screening.count({ where: { draftId: flagged.body.id, trigger: 'submit' } }), 1);

      // Only security admins start re-screenings.
      assert.equal((await team.editorClient.post('/api/rescreens', { scope: 'in_review' })).status, 403);
    } finally {
      socket.disconnect();
    }
  });
});
