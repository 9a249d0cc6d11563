import assert from 'node:assert/strict';
import { AuditExportQuerySchema, AuditQuerySchema } from '../../server/routes/audit/schema';
import { buildUser, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';

const REVERSED = '开始日期晚于结束日期';

/** 从 2026-12-01 到 2026-11-01 would list nothing and say nothing: it is refused in words instead. */
describe('an audit search whose start is after its end', function () {
  this.timeout(60_000);

  it('is refused by the query schemas; the same day as both ends is a day', () => {
    for (const schema of [AuditQuerySchema, AuditExportQuerySchema]) {
      const refused = schema.safeParse({ from: '2026-12-01', to: '2026-11-01' });
      assert.equal(refused.success, false);
      assert.equal(refused.error!.issues[0]!.message, REVERSED);
      assert.equal(schema.safeParse({ from: '2026-11-01', to: '2026-11-01' }).success, true);
      assert.equal(schema.safeParse({ from: '2026-11-01T10:00:00+08:00', to: '2026-11-01T09:00:00+08:00' }).success, false);
    }
  });

  it('answers 400 with the reason, to the list and to the export', async () => {
    const { url } = await startTestProduct();
    const auditor = await loggedIn(url, await buildUser('auditor'));
    for (const path of ['/api/audit?from=2026-12-01&to=2026-11-01', '/api/audit/export?from=2026-12-01&to=2026-11-01&format=csv']) {
      const answer = await auditor.get(path);
      assert.equal(answer.status, 400, path);
      assert.equal(answer.body.error.message, REVERSED, path);
    }
  });
});
