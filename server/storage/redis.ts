import IORedis, { Redis, RedisOptions } from 'ioredis';
import { env } from '../env';
import { logger } from '../logger';
import { StartupProblem } from '../startupProblem';
import { redisRestored, reportRedisErrors } from './redisOutageLog';
import { withinTime } from '../lib/withinTime';

/**
 * Two kinds of Redis connection, as BullMQ recommends: workers wait for Redis forever
 * (`maxRetriesPerRequest: null`), while the HTTP path fails fast (no offline queue, one retry)
 * so that a request answers with an error instead of hanging while Redis is down.
 */
export type ConnectionRole = 'worker' | 'http' | 'subscriber';

const ROLE_OPTIONS: Record<ConnectionRole, RedisOptions> = {
  worker: { maxRetriesPerRequest: null, enableReadyCheck: false },
  subscriber: { maxRetriesPerRequest: null, enableReadyCheck: false },
  http: { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 3000, commandTimeout: 3000 },
};

/** Every connection of the process, by name: closed at shutdown, and dropped at once when Redis is down. */
const open = new Map<Redis, string>();

/** The options of a role's connections, e.g. to check that workers wait and the HTTP path fails fast. */
export function roleOptions(role: ConnectionRole): Readonly<RedisOptions> {
  return ROLE_OPTIONS[role];
}

export function createRedis(role: ConnectionRole, name: string, url = env().REDIS_URL): Redis {
  const connection = new IORedis(url, {
    ...ROLE_OPTIONS[role],
    connectionName: `${env().REDIS_PREFIX}:${name}`,
    retryStrategy: (attempt) => Math.min(200 * attempt, 2000),
  });
  watchConnection(connection, name);
  trackConnection(connection, name);
  return connection;
}

/** Adds a connection made otherwise (a duplicate) to those closed at shutdown. */
export function trackConnection(connection: Redis, name: string): void {
  open.set(connection, name);
  connection.once('end', () => open.delete(connection));
}

/**
 * Logs the connection's outages through the outage log: one warning when it goes down, a reminder a
 * minute while it stays down, one line when it is back. Every connection needs it, duplicates too:
 * ioredis prints a connection's errors as stack traces when nothing listens.
 */
export function watchConnection(connection: Redis, name: string): void {
  reportRedisErrors(connection, name);
  connection.on('ready', () => redisRestored(name));
}

let shared: Redis | undefined;

/** The process's fail-fast connection for the HTTP path (rate limits, lockouts, claims). */
export function httpRedis(): Redis {
  shared ??= createRedis('http', 'http');
  return shared;
}

/** Resolves once the connection is ready (fail-fast connections refuse commands before that). */
export function whenReady(connection: Redis, timeoutMs = 10_000): Promise<void> {
  if (connection.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis not ready within ${timeoutMs} ms`)), timeoutMs);
    connection.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A key in this installation's namespace, e.g. `govreview:lockout:alice`. */
export function redisKey(...parts: Array<string | number>): string {
  return [env().REDIS_PREFIX, ...parts].join(':');
}

/** BullMQ's prefix: a {hash tag} so that all keys of a queue land on one Redis Cluster slot. */
export function queuePrefix(): string {
  return `{${env().REDIS_PREFIX}}`;
}

export class RedisUnreachableError extends StartupProblem {
  constructor(url: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const where = new URL(url);
    const port = where.port || '6379';
    super(
      `连不上 Redis（${where.hostname}:${port}）：${reason}\n` +
        `请启动它：redis-server --daemonize yes --bind 127.0.0.1 --port ${port} --save "" --appendonly no\n` +
        '或把 REDIS_URL 改为一台正在运行的 Redis（redis://主机:端口/数据库编号）。',
    );
  }
}

export class RedisDatabaseIndexError extends StartupProblem {}

/**
 * ioredis only warns when the SELECT of REDIS_URL's /db fails, then carries on in database 0: the
 * data of this installation would land among another's. The index is selected again here to refuse it.
 */
async function checkDatabaseIndex(probe: Redis): Promise<void> {
  const index = Number(new URL(env().REDIS_URL).pathname.slice(1) || 0);
  try {
    await probe.select(index);
  } catch (error) {
    const count = await probe
      .config('GET', 'databases')
      .then((reply) => `${(reply as string[])[1]} 个数据库`)
      .catch(() => '默认 16 个数据库');
    throw new RedisDatabaseIndexError(
      `REDIS_URL 中的数据库编号 ${index} 超出范围（${(error as Error).message}）：这台 Redis 只有 ${count}，编号从 0 起。\n` +
        '请改用一个范围内的编号（如 redis://127.0.0.1:6379/0），或在 Redis 的配置中调大 databases。',
    );
  }
}

/**
 * Checks at start that Redis answers, and warns loudly when it may evict keys:
 * an evicted queue key is a lost job.
 */
export async function checkRedis(): Promise<void> {
  const probe = new IORedis(env().REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    probe.disconnect();
    throw new RedisUnreachableError(env().REDIS_URL, error);
  }
  try {
    await checkDatabaseIndex(probe);
  } catch (error) {
    probe.disconnect();
    throw error;
  }
  try {
    const [, policy] = (await probe.config('GET', 'maxmemory-policy')) as [string, string];
    if (policy !== 'noeviction') {
      const warning =
        `Redis maxmemory-policy is "${policy}", not "noeviction": under memory pressure Redis may ` +
        'delete queue keys and jobs would be lost. Set it with: redis-cli config set maxmemory-policy noeviction';
      logger.warn(warning);
      process.stderr.write(`\n*** WARNING: ${warning}\n\n`);
    }
  } catch (error) {
    logger.warn({ err: (error as Error).message }, 'could not read Redis maxmemory-policy (CONFIG may be disabled)');
  } finally {
    probe.disconnect();
  }
}

/**
 * Closes one connection. QUIT lets pending replies arrive, but only a connection that is up can
 * answer it: on one that is down it waits (with the commands queued before it) until Redis is back,
 * so that one is disconnected, which fails its queued commands at once.
 */
export async function closeConnection(connection: Redis): Promise<void> {
  if (connection.status !== 'ready') return connection.disconnect();
  await connection.quit().catch(() => connection.disconnect());
}

/** Connections the shutdown dropped because Redis did not answer on them. */
const droppedAtShutdown = new WeakSet<Redis>();

/**
 * Whether the shutdown dropped this connection: its users then close without waiting for Redis. Its
 * status cannot say so, since BullMQ connects an ended connection again, and a Redis that hangs
 * still accepts the connection (the kernel does), so it reads as up.
 */
export function droppedForShutdown(connection: Redis): boolean {
  return droppedAtShutdown.has(connection);
}

/** How long a connection that says it is up gets to answer a PING when the process shuts down. */
const SHUTDOWN_PROBE_MS = 1_000;

/** Whether Redis answers on this connection now: a connection still marked up may have lost Redis a moment ago, or Redis may hang. */
function answersNow(connection: Redis): Promise<boolean> {
  if (connection.status !== 'ready') return Promise.resolve(false);
  return withinTime(connection.ping(), SHUTDOWN_PROBE_MS).then(
    () => true,
    () => false,
  );
}

/**
 * At the start of a shutdown: disconnects every connection on which Redis does not answer, so that
 * no step waits on a command Redis cannot answer (a queue, a worker, a socket.io adapter whose
 * commands wait for Redis to come back). A connection is asked, not only looked at: one that has not
 * yet noticed a Redis that went away, or whose Redis hangs (stopped, not dead), still reads as up.
 * Returns the names of the connections dropped.
 */
export async function dropUnreachableConnections(): Promise<string[]> {
  const connections = [...open];
  const answering = await Promise.all(connections.map(([connection]) => answersNow(connection)));
  const down = connections.filter((_, i) => !answering[i]);
  for (const [connection] of down) {
    droppedAtShutdown.add(connection);
    connection.disconnect();
    // disconnect() only half-closes the socket and waits for Redis to close its side, which a Redis
    // that hangs never does: the connection would read as up, and its commands wait, for ever.
    connection.stream?.destroy();
  }
  const names = down.map(([, name]) => name);
  if (names.length) logger.warn({ connections: names }, 'redis unreachable at shutdown: its connections closed without waiting');
  return names;
}

/** Closes every connection this module opened (ordered shutdown: after queues and workers). */
export async function closeRedis(): Promise<void> {
  shared = undefined;
  await Promise.all([...open.keys()].map(closeConnection));
  open.clear();
}
