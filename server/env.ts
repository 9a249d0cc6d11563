import { z } from 'zod';
import { isOrigin, originList } from './allowedOrigins';
import { validationMessage } from './middlewares/validationMessages';
import { StartupProblem } from './startupProblem';
import { expressAcceptsTrustProxy, trustProxySetting } from './trustProxy';

/**
 * Configuration comes from the environment only, validated once at start-up.
 * Every problem is listed in words, so an operator can fix them all in one go.
 */
const onOff = (fallback: 'on' | 'off') =>
  z
    .enum(['on', 'off', 'true', 'false', '1', '0'])
    .default(fallback)
    .transform((v) => v === 'on' || v === 'true' || v === '1');

const positiveInt = z.coerce.number().int().positive();

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .default('mysql://root@127.0.0.1:3306/gov_review')
    .superRefine((url, context) => {
      const name = /^mysql:\/\/[^/]+\/([^/?#]+)$/.exec(url)?.[1];
      if (name === undefined) context.addIssue({ code: 'custom', message: '应形如 mysql://用户[:密码]@主机:端口/数据库名' });
      else if (!/^[A-Za-z0-9_]+$/.test(name)) context.addIssue({ code: 'custom', message: `数据库名 ${name} 不可用：只能含字母、数字和下划线（A-Z a-z 0-9 _），如 gov_review` });
    }),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, '应形如 redis://主机:端口[/数据库编号]')
    .default('redis://127.0.0.1:6379'),
  /** Every Redis key of this installation starts with it (queues add a {hash tag} for Redis Cluster). */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]+$/, '只能含字母、数字和 _ . -').default('govreview'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Random when unset: sessions then do not survive a restart of all server processes. */
  SESSION_SECRET: z.string().min(16, '至少 16 个字符').optional(),
  /** Fractions are allowed (0.05 = 3 seconds), so that tests can watch a session time out. */
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  RATE_LIMIT: onOff('on'),
  LOGIN_MAX_FAILURES: positiveInt.default(5),
  LOGIN_LOCK_MINUTES: positiveInt.default(30),
  /** Password policy (等保 2.0 level 3): these floors can be raised, never lowered. */
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8, '不能小于 8（等保 2.0 三级的下限）').max(64).default(8),
  PASSWORD_MIN_CLASSES: z.coerce.number().int().min(3, '不能小于 3（四类字符中至少三类）').max(4).default(3),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(365, '不能大于 365 天').default(90),
  PASSWORD_HISTORY: z.coerce.number().int().min(5, '不能小于 5（至少不得重复最近 5 个密码）').max(24).default(5),
  /** Request rate limits (RATE_LIMIT=off turns them all off): logins per client address, submissions and exports per user. */
  RATE_LIMIT_LOGIN_PER_MINUTE: positiveInt.default(30),
  RATE_LIMIT_SUBMIT_PER_MINUTE: positiveInt.default(30),
  RATE_LIMIT_EXPORT_PER_HOUR: positiveInt.default(30),
  /** How long audit records are kept before `admin audit:purge` may remove them (网络安全法: at least six months). */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(184, '不能小于 184 天（网络安全法：至少六个月）').default(365),
  /** Comma-separated origins allowed to open socket.io connections besides the server's own. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform(originList)
    .superRefine((origins, context) => {
      const wrong = origins.filter((origin) => !isOrigin(origin));
      if (wrong.length) context.addIssue({ code: 'custom', message: `${wrong.join('、')} 不是来源地址：每一项应形如 https://主机名[:端口]，以逗号分隔` });
    })
    .transform((origins) => origins.map((origin) => origin.replace(/\/$/, ''))),
  /** Express "trust proxy": set when a reverse proxy terminates TLS and sends X-Forwarded-Proto. */
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform(trustProxySetting)
    .refine(expressAcceptsTrustProxy, {
      message: '应为 true、false、代理的层数，或以逗号分隔的 IP 地址、网段（如 10.0.0.0/8）、loopback、linklocal、uniquelocal',
    }),
  WORKER_CONCURRENCY: positiveInt.default(8),
  /** Threads of a worker process that do the matching; unset: one per CPU core; 0: on the event loop. */
  SCREENING_THREADS: z.coerce.number().int().min(0, '不能小于 0').max(64, '不能大于 64').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends StartupProblem {}

/**
 * The variables only the HTTP server reads. A worker or monitor does not check them: a PORT it never
 * uses must not stop it (they take their defaults there, unread).
 */
const SERVER_ONLY = [
  'PORT', 'HOST', 'SESSION_SECRET', 'SESSION_IDLE_MINUTES', 'SESSION_ABSOLUTE_HOURS', 'RATE_LIMIT', 'LOGIN_MAX_FAILURES',
  'LOGIN_LOCK_MINUTES', 'RATE_LIMIT_LOGIN_PER_MINUTE', 'RATE_LIMIT_SUBMIT_PER_MINUTE', 'RATE_LIMIT_EXPORT_PER_HOUR',
  'ALLOWED_ORIGINS', 'TRUST_PROXY',
] as const;

/** What a process checks: everything (server, all-in-one, admin) or what background processes use. */
export type EnvScope = 'all' | 'background';

const zhCN = z.locales.zhCN();

/** Chinese whatever the process loaded: the product's plain wording first, zod's Chinese otherwise. */
function envMessage(issue: z.core.$ZodRawIssue): string {
  const plain = validationMessage(issue);
  if (plain) return plain;
  const localized = zhCN.localeError(issue);
  return typeof localized === 'string' ? localized : (localized?.message ?? '取值无效');
}

export function parseEnv(source: NodeJS.ProcessEnv = process.env, scope: EnvScope = 'all'): Env {
  const checked = { ...source };
  if (scope === 'background') for (const name of SERVER_ONLY) delete checked[name];
  const result = EnvSchema.safeParse(checked, { error: envMessage });
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
  throw new EnvError(`配置有 ${problems.length} 处问题：\n${problems.join('\n')}`);
}

let cached: Env | undefined;

/** Checks the environment once, for what this kind of process uses (bootstrap calls it first). */
export function loadEnv(scope: EnvScope): Env {
  cached ??= parseEnv(process.env, scope);
  return cached;
}

/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
