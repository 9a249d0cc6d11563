import assert from 'node:assert/strict';
import { logger } from '../../server/logger';
import { sequelize } from '../../server/storage/database';

/** LOG_LEVEL=trace logs every SQL statement: never the session ids and CSRF tokens of the sessions table. */
describe('SQL in the trace log', () => {
  function logged(sql: string): string {
    const seen: Array<{ sql?: string }> = [];
    const original = logger.trace.bind(logger);
    logger.trace = ((entry: { sql?: string }) => void seen.push(entry)) as typeof logger.trace;
    try {
      (sequelize() as unknown as { options: { logging: (sql: string) => void } }).options.logging(sql);
    } finally {
      logger.trace = original;
    }
    return seen.map((entry) => entry.sql ?? '').join('\n');
  }

  it('masks the values of statements on the sessions table', () => {
    const insert = logged(
      "Executing (default): INSERT INTO sessions (sid, user_id, data, expires_at, updated_at) VALUES ('sid-SECRET', 7, '{\"csrfToken\":\"tok-SECRET\",\"it\\'s\":1}', '2026-01-01 00:00:00.000', '2026-01-01')",
    );
    assert.match(insert, /INSERT INTO sessions/);
    assert.doesNotMatch(insert, /SECRET/);
    assert.doesNotMatch(logged("Executing (default): SELECT data FROM sessions WHERE sid = 'sid-SECRET' AND expires_at > '2026-01-01'"), /SECRET/);
    assert.doesNotMatch(logged("Executing (default): DELETE FROM `sessions` WHERE sid = 'sid-SECRET'"), /SECRET/);
  });

  it('keeps other statements as they are', () => {
    assert.match(logged("Executing (default): SELECT id FROM drafts WHERE title = 'visible'"), /'visible'/);
  });
});
