import { Migration, runStatements, TABLE_OPTIONS } from './types';

/**
 * The durable copy of every session. Redis stays the fast path, but a session must survive Redis
 * restarting empty or being out of reach, so that an editor who was told "saved" can keep working.
 * `sid` compares byte for byte (utf8mb4_bin): session ids are case-sensitive.
 */
export const reliabilitySchema: Migration = {
  name: '0007-reliability',
  async up({ context }) {
    await runStatements(context, [
      `CREATE TABLE IF NOT EXISTS sessions (
        sid VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
        user_id INT UNSIGNED NULL,
        data TEXT NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        KEY sessions_expires (expires_at),
        KEY sessions_user (user_id)
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ context }) {
    await runStatements(context, ['DROP TABLE IF EXISTS sessions']);
  },
};
