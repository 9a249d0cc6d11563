import { randomBytes } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { sequelize } from './database';

/**
 * A value every process of the installation must share, created once on first use:
 * the first process to ask writes it, the others read what it wrote.
 */
export async function sharedSetting(name: string, create: () => string): Promise<string> {
  const db = sequelize();
  await db.query('INSERT IGNORE INTO app_settings (name, value, updated_at) VALUES (?, ?, NOW(3))', {
    replacements: [name, create()],
  });
  const [row] = await db.query<{ value: string }>('SELECT value FROM app_settings WHERE name = ?', {
    replacements: [name],
    type: QueryTypes.SELECT,
  });
  if (!row) throw new Error(`app setting ${name} could not be created`);
  return row.value;
}

/** The secret that signs session cookies: SESSION_SECRET when set, else one generated for the installation. */
export async function sessionSecret(configured: string | undefined): Promise<string> {
  if (configured) return configured;
  return sharedSetting('session_secret', () => randomBytes(48).toString('base64url'));
}
