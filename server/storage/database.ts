import type mysql2 from 'mysql2';
import mysql from 'mysql2/promise';
import { ConnectionError, Sequelize } from 'sequelize';
import { env } from '../env';
import { logger } from '../logger';
import { StartupProblem } from '../startupProblem';
import { sqlForLog } from './sqlForLog';

export interface DatabaseLocation {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

export function parseDatabaseUrl(url: string): DatabaseLocation {
  const parsed = new URL(url);
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password || ''),
    database: parsed.pathname.replace(/^\//, ''),
  };
}

export class DatabaseUnreachableError extends StartupProblem {
  constructor(location: DatabaseLocation, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(accessDenied(cause) ? refusedCredentials(location, reason) : notReachable(location, reason));
  }
}

/**
 * MariaDB answered, and refused the user or password (SQLSTATE 28000: ER_ACCESS_DENIED_ERROR, or
 * ER_ACCESS_DENIED_NO_PASSWORD_ERROR for a user it does not know): it runs, starting it is no advice.
 */
function accessDenied(cause: unknown): boolean {
  return (cause as { sqlState?: string } | undefined)?.sqlState === '28000';
}

function refusedCredentials(location: DatabaseLocation, reason: string): string {
  return (
    `MariaDB（${location.host}:${location.port}）拒绝了用户“${location.user}”：${reason}\n` +
    'MariaDB 在运行，但 DATABASE_URL 中的用户名或密码不对。可以这样核对：\n' +
    `  mysql -h ${location.host} -P ${location.port} -u ${location.user} -p\n` +
    '然后改正 DATABASE_URL（mysql://用户名:密码@主机:端口/数据库名；密码中的 @ : / 写作 %40 %3A %2F）。'
  );
}

function notReachable(location: DatabaseLocation, reason: string): string {
  return (
    `连不上 MariaDB（${location.host}:${location.port}，用户 ${location.user}）：${reason}\n` +
    '请启动它：start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd\n' +
    '或把 DATABASE_URL 改为一台正在运行的 MariaDB（mysql://用户名:密码@主机:端口/数据库名）。'
  );
}

/** Creates the database with utf8mb4 if it does not exist yet; fails with where it tried and how to fix it. */
export async function ensureDatabaseExists(url = env().DATABASE_URL): Promise<void> {
  const location = parseDatabaseUrl(url);
  let connection: mysql.Connection;
  try {
    connection = await mysql.createConnection({
      host: location.host,
      port: location.port,
      user: location.user,
      password: location.password,
      connectTimeout: 5000,
    });
  } catch (error) {
    throw new DatabaseUnreachableError(location, error);
  }
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${location.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

let instance: Sequelize | undefined;

/** The process's one Sequelize instance: utf8mb4 on every connection, UTC, fail-fast connects. */
export function sequelize(): Sequelize {
  if (instance) return instance;
  const location = parseDatabaseUrl(env().DATABASE_URL);
  instance = new Sequelize(location.database, location.user, location.password, {
    host: location.host,
    port: location.port,
    dialect: 'mysql',
    logging: (sql) => logger.trace({ sql: sqlForLog(sql) }, 'sql'),
    timezone: '+00:00',
    // multipleStatements: the hot paths send several statements in one round trip (see
    // storage/batchedTransaction). Every statement of the product is parameterised and escaped by
    // the driver; none is built from user input, so the option opens no way in.
    dialectOptions: { charset: 'utf8mb4', connectTimeout: 5000, dateStrings: false, supportBigNumbers: true, multipleStatements: true },
    define: { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci', underscored: true },
    pool: { max: 20, min: 0, acquire: 10000, idle: 10000 },
    retry: { max: 0 },
    // No `isolationLevel` here: Sequelize would send SET SESSION TRANSACTION ISOLATION LEVEL before
    // every transaction (a round trip each time). Each connection is set once instead (below), and
    // nothing may pass its own isolationLevel to transaction(): it would stay on the pooled connection.
    hooks: { afterConnect: (connection) => readCommittedSession(connection as mysql2.Connection) },
  });
  return instance;
}

/**
 * Every connection runs its transactions READ COMMITTED: locking reads (SELECT … FOR UPDATE) decide
 * races, plain reads see what is committed now. Set once per connection when the pool opens it.
 */
async function readCommittedSession(connection: mysql2.Connection): Promise<void> {
  try {
    await connection.promise().query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
  } catch (error) {
    // The pool never sees this connection: close it here rather than leave it open, and report a
    // connection error (503 for the HTTP path), as for a connection that could not be opened.
    connection.destroy();
    throw new ConnectionError(error as Error);
  }
}

export async function closeDatabase(): Promise<void> {
  if (!instance) return;
  const closing = instance;
  instance = undefined;
  await closing.close();
}
