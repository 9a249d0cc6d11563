import { ErrorRequestHandler, Request } from 'express';
import { BaseError, ConnectionError, TimeoutError, UniqueConstraintError } from 'sequelize';
import { ZodError } from 'zod';
import { FIELD_NAMES } from './fieldLabels';
import { fieldPathPhrase, valueLabel } from './fieldPaths';
import { logger } from './logger';
import { CHOICES_PREFIX } from './middlewares/validationMessages';

/**
 * An error with an HTTP status, a stable id for programs and a message for people (in Chinese,
 * because the console shows it as it is). Routes and commands throw these; one handler maps them.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, 'bad_request', message, details);
export const unauthorized = (message = '请先登录') => new HttpError(401, 'unauthorized', message);
export const forbidden = (message = '您没有执行此操作的权限') => new HttpError(403, 'forbidden', message);
export const notFound = (message = '找不到该对象') => new HttpError(404, 'not_found', message);
export const conflict = (message: string, details?: unknown) => new HttpError(409, 'conflict', message, details);
export const unprocessable = (message: string, details?: unknown) => new HttpError(422, 'unprocessable', message, details);
export const locked = (message: string) => new HttpError(423, 'locked', message);
export const tooManyRequests = (message = '请求过于频繁，请稍后再试') => new HttpError(429, 'rate_limited', message);
export const serviceUnavailable = (message: string) => new HttpError(503, 'unavailable', message);

/** MariaDB went away under a running query (crash, restart, network): the driver marks such errors fatal. */
const CONNECTION_LOST = /ECONNREFUSED|ECONNRESET|EPIPE|PROTOCOL_CONNECTION_LOST|connect ETIMEDOUT|Connection lost|closed state|server shutdown/i;

function databaseConnectionLost(error: BaseError): boolean {
  const cause = (error as { original?: { fatal?: boolean; code?: string } }).original;
  return cause?.fatal === true || CONNECTION_LOST.test(`${cause?.code ?? ''} ${error.message}`);
}

const REDIS_DOWN = /Stream isn't writeable|enableOfflineQueue|Connection is closed|max retries per request|Command timed out/i;

/** The port of the configured Redis (REDIS_URL), whose refused connections mean Redis is down. */
function redisPort(): string {
  try {
    return new URL(process.env.REDIS_URL ?? '').port || '6379';
  } catch {
    return '6379';
  }
}

/**
 * A request failed because Redis could not be reached (not because of a fault in the code). A refused
 * connection counts only on Redis's own port: one to MariaDB's (a query outside Sequelize) is not Redis.
 */
export function redisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error) || error instanceof HttpError || error instanceof BaseError) return false;
  return REDIS_DOWN.test(error.message) || new RegExp(`ECONNREFUSED \\S*:${redisPort()}\\b`).test(error.message);
}

/** Translates library errors into HttpErrors in one place instead of in every route. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof ZodError) return fromZod(error);
  if (error instanceof UniqueConstraintError) return conflict('该记录已存在或已被他人修改，请刷新后重试');
  if (error instanceof ConnectionError || error instanceof TimeoutError) {
    return serviceUnavailable('数据库暂时不可用，请稍后再试；已保存的内容不会丢失');
  }
  if (error instanceof BaseError && databaseConnectionLost(error)) {
    // The connection broke while committing: the change may or may not have been saved.
    if ((error as { sql?: string }).sql?.trim().toUpperCase().startsWith('COMMIT')) {
      return serviceUnavailable('数据库连接中断，无法确认本次操作是否已保存，请刷新页面查看后再决定是否重试');
    }
    return serviceUnavailable('数据库暂时不可用，请稍后再试；已保存的内容不会丢失');
  }
  if (redisUnavailable(error)) {
    return serviceUnavailable('缓存服务（Redis）暂时不可用，请稍后再试');
  }
  const bodyError = error as { type?: string; status?: number };
  if (bodyError?.type === 'entity.parse.failed') return badRequest('请求内容不是有效的 JSON');
  if (bodyError?.type === 'entity.too.large') return tooLarge((error as { limit?: number }).limit);
  if (bodyError?.type === 'charset.unsupported') {
    return new HttpError(415, 'unsupported_media_type', '请求内容须为 UTF-8 编码（Content-Type: application/json; charset=utf-8）');
  }
  if (bodyError?.type === 'encoding.unsupported') {
    return new HttpError(415, 'unsupported_media_type', '不支持该压缩方式（Content-Encoding），请不压缩或使用 gzip');
  }
  return new HttpError(500, 'internal', '服务器内部错误，请稍后再试或联系管理员');
}

/** The body parsers' limit (bytes) in the units people use: each route sets its own (JSON 4 MB, imports more). */
function tooLarge(limitBytes: number | undefined): HttpError {
  if (!limitBytes) return new HttpError(413, 'too_large', '提交的内容过大，请删减后再提交');
  const mb = limitBytes / (1024 * 1024);
  const limit = mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.ceil(limitBytes / 1024)} KB`;
  return new HttpError(413, 'too_large', `提交的内容过大（上限为 ${limit}），请删减后再提交`);
}


/**
 * How a message names a field: the console's Chinese label first, for the people who read it,
 * then the field (or file column) in brackets, for whoever fixes a script or a file.
 */
export function fieldPhrase(name: string, label: string | undefined): string {
  return label ? `${label}（${name}）` : name;
}

/** Fields that failed validation (fromZod): the one error that means something else when no parser read the body. */
class InvalidFieldsError extends HttpError {}

/**
 * Labels a route gives its fields where the shared ones above would mislead (from and to are
 * revision numbers on a diff, dates elsewhere).
 */
export type FieldLabels = Readonly<Record<string, string>>;

/** The field a value belongs to: the last name of the path (kinds.0 → kinds). */
function valueField(path: readonly PropertyKey[]): string {
  return String([...path].reverse().find((segment) => typeof segment !== 'number') ?? '');
}

/** The choices of an enum, by their Chinese names where the field has them (须为以下之一：「自主运营」（self）、「购买服务」（purchased）). */
function choicesMessage(issue: ZodError['issues'][number]): string {
  // Only zod's own list of codes (validationMessage's wording): a message the schema sets itself stands.
  if (issue.code !== 'invalid_value' || !issue.message.startsWith(CHOICES_PREFIX)) return issue.message;
  const field = valueField(issue.path);
  return `${CHOICES_PREFIX}${issue.values.map((value) => valueLabel(field, value)).join('、')}`;
}

/**
 * A validation error as one readable sentence naming the fields, plus the details for programs.
 * A top-level field reads 标题（title）; a nested one in words only (第1位管理团队成员的手机号码),
 * its path staying in the details.
 */
export function fromZod(error: ZodError, labels: FieldLabels = {}): HttpError {
  const labelOf = (name: PropertyKey | undefined) => labels[String(name)] ?? FIELD_NAMES[String(name)];
  const placeOf = (path: readonly PropertyKey[]) =>
    path.length === 1 ? fieldPhrase(String(path[0]), labelOf(path[0])) : fieldPathPhrase(path, (name) => labelOf(name));
  const problems = error.issues.map((issue) => {
    const path = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      if (!path) return `不接受的字段：${issue.keys.join('、')}`;
      // Inside an object field: say which one, or the reader looks for the key at the top.
      const keys = issue.path.length === 1 ? issue.keys.map((key) => `${path}.${key}`) : issue.keys;
      return `${placeOf(issue.path)}中不接受的字段：${keys.join('、')}`;
    }
    if (!path) return issue.code === 'invalid_type' && issue.expected === 'object' ? '请求内容须为 JSON 对象' : issue.message;
    return `${placeOf(issue.path)}：${choicesMessage(issue)}`;
  });
  const details = error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message, ...(i.code === 'invalid_value' ? { values: i.values } : {}) }));
  return new InvalidFieldsError(400, 'bad_request', problems.join('；'), details);
}

/**
 * A body in another format (a form, plain text) is left unread where JSON is expected, so every
 * field looks missing: say what the server reads instead. Routes that read TSV or files have
 * their own parsers and messages.
 */
function notJson(req: Request, httpError: HttpError): HttpError {
  if (!(httpError instanceof InvalidFieldsError) || req.body !== undefined || req.is('json') !== false) return httpError;
  return new HttpError(415, 'unsupported_media_type', '请求内容须为 JSON（Content-Type: application/json）');
}

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const httpError = notJson(req, toHttpError(error));
  if (redisUnavailable(error)) {
    // One short line per request: the outage itself is logged by the connections (storage/redisOutageLog),
    // and a stack per poll of every open console would bury the log.
    logger.warn({ err: (error as Error).message, requestId: req.id, path: req.path }, 'request failed: redis unavailable');
  } else if (httpError.status >= 500) {
    logger.error({ err: error, requestId: req.id, path: req.path }, 'request failed');
  }
  res.status(httpError.status).json({
    error: { id: httpError.id, message: httpError.message, details: httpError.details, requestId: req.id },
  });
};
