import assert from 'node:assert/strict';
import { AuditExportQuerySchema, AuditQuerySchema } from '../../server/routes/audit/schema';

/** An auditor's script asks for a month by its dates: they are days in China, as in the console. */
describe('the audit search reads plain dates as days in China', () => {
  it('takes from as 00:00 of that day and to as the whole of its day, at +08:00', () => {
    for (const schema of [AuditQuerySchema, AuditExportQuerySchema]) {
      const query = schema.parse({ from: '2026-03-01', to: '2026-03-31' });
      assert.equal(query.from!.toISOString(), '2026-02-28T16:00:00.000Z');
      assert.equal(query.to!.toISOString(), '2026-03-31T16:00:00.000Z');
    }
  });

  it('keeps a time with its offset as it is, and refuses anything else in Chinese', () => {
    assert.equal(AuditQuerySchema.parse({ from: '2026-03-01T08:00:00+08:00' }).from!.toISOString(), '2026-03-01T00:00:00.000Z');
    const refused = AuditQuerySchema.safeParse({ from: '2026-02-30' });
    assert.equal(refused.success, false);
    assert.match(refused.error!.issues[0]!.message, /须为日期（如 2026-03-01）或带时区的时间/);
  });
});
