import { QueryTypes } from 'sequelize';
import { env } from '../env';
import { sequelize } from './database';

/**
 * The Redis a server keeps its login lockouts in, recorded in the database at start, so that an
 * operator's command (which lifts lockouts) can tell when its own REDIS_PREFIX or REDIS_URL point
 * elsewhere: it would clear a counter the server never reads and say the lockout was lifted.
 */
const PREFIX = 'server_redis_prefix';
const URL_SETTING = 'server_redis_url';

/** The URL without its password, as it may be shown and stored. */
function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** Host, port and database index: redis://127.0.0.1:6379 and redis://localhost:6379/0 are the same Redis. */
function sameRedis(a: string, b: string): boolean {
  const key = (url: string) => {
    try {
      const parsed = new URL(url);
      const host = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname) ? 'loopback' : parsed.hostname.toLowerCase();
      return `${host}:${parsed.port || '6379'}/${Number(parsed.pathname.slice(1) || 0)}`;
    } catch {
      return url;
    }
  };
  return key(a) === key(b);
}

export async function recordServerRedisSettings(): Promise<void> {
  for (const [name, value] of [
    [PREFIX, env().REDIS_PREFIX],
    [URL_SETTING, shownUrl(env().REDIS_URL)],
  ]) {
    await sequelize().query(
      'INSERT INTO app_settings (name, value, updated_at) VALUES (?, ?, NOW(3)) ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at)',
      { replacements: [name, value] },
    );
  }
}

/**
 * Why this process would miss the server's lockouts, in the operator's words, or null when it uses
 * the same Redis and prefix (or no server has recorded its settings yet).
 */
export async function redisMismatchWithServer(): Promise<string | null> {
  const rows = await sequelize().query<{ name: string; value: string }>('SELECT name, value FROM app_settings WHERE name IN (?, ?)', {
    replacements: [PREFIX, URL_SETTING],
    type: QueryTypes.SELECT,
  });
  const recorded = new Map(rows.map((row) => [row.name, row.value]));
  const serverPrefix = recorded.get(PREFIX);
  if (serverPrefix !== undefined && serverPrefix !== env().REDIS_PREFIX) {
    return `本命令使用的 REDIS_PREFIX（${env().REDIS_PREFIX}）与服务器使用的（${serverPrefix}）不同，锁定未解除；请用 REDIS_PREFIX=${serverPrefix} 再运行`;
  }
  const serverUrl = recorded.get(URL_SETTING);
  if (serverUrl !== undefined && !sameRedis(serverUrl, env().REDIS_URL)) {
    return `本命令使用的 REDIS_URL（${shownUrl(env().REDIS_URL)}）与服务器使用的（${serverUrl}）不同，锁定未解除；请用服务器的 REDIS_URL 再运行`;
  }
  return null;
}
