import { createHash } from 'node:crypto';
import { Transaction, UniqueConstraintError } from 'sequelize';
import { unprocessable } from '../errors';
import { IdempotencyKey } from '../models';
import { runStatement, Statement } from '../storage/directSql';

export interface StoredAnswer<T> {
  statusCode: number;
  body: T;
}

/** Raised inside a transaction when the key was already used: the caller replays the stored answer. */
export class IdempotentReplay<T> extends Error {
  constructor(readonly answer: StoredAnswer<T>) {
    super('idempotent replay');
  }
}

export function requestHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** The claim of a key: its row, with no answer yet (status 0) until the work's transaction records it. */
export function idempotencyClaimInsert(userId: number, key: string, hash: string): Statement {
  return {
    sql: 'INSERT INTO idempotency_keys (user_id, idem_key, request_hash, status_code, response, created_at) VALUES (?, ?, ?, 0, ?, ?)',
    values: [userId, key, hash, '', new Date()],
  };
}

/** The answer to replay for a claimed key, written in the transaction that did the work. */
export function idempotencyAnswerUpdate(userId: number, key: string, answer: StoredAnswer<unknown>): Statement {
  return {
    sql: 'UPDATE idempotency_keys SET status_code = ?, response = ? WHERE user_id = ? AND idem_key = ?',
    values: [answer.statusCode, JSON.stringify(answer.body), userId, key],
  };
}

/** The key's row, when it has an answer recorded (its first request committed). */
async function answeredKey(userId: number, key: string): Promise<IdempotencyKey | null> {
  const existing = await IdempotencyKey.findOne({ where: { userId, idemKey: key } });
  return existing && existing.statusCode !== 0 ? existing : null;
}

function storedAnswerOf(row: IdempotencyKey): StoredAnswer<unknown> {
  return { statusCode: row.statusCode, body: JSON.parse(row.response) };
}

/**
 * After the claim's INSERT was refused (`duplicate`, rolled back with its transaction): the key's
 * first request has committed by then (the INSERT waited for its row), so this throws the replay of
 * its answer, or a refusal when the same key came with another request body, or `duplicate`
 * itself when there is no answer to replay.
 */
export async function refuseOrReplay(userId: number, key: string, hash: string, duplicate: UniqueConstraintError): Promise<never> {
  const existing = await answeredKey(userId, key);
  if (!existing) throw duplicate;
  if (existing.requestHash !== hash) throw unprocessable('该 Idempotency-Key 已用于另一个不同内容的请求');
  throw new IdempotentReplay(storedAnswerOf(existing));
}

/**
 * The answer already given to this very request under this key, or null: for a request refused
 * before it claims its key (its content checked first), a retry of one that succeeded still gets
 * the first answer.
 */
export async function earlierAnswer(userId: number, key: string, hash: string): Promise<StoredAnswer<unknown> | null> {
  const existing = await answeredKey(userId, key);
  return existing && existing.requestHash === hash ? storedAnswerOf(existing) : null;
}

/**
 * Claims an Idempotency-Key inside the transaction that does the work. A second request with
 * the same key blocks on the key's row until the first commits, then replays its answer; if
 * the first rolled back, the second does the work itself. The same key with a different
 * request body is refused.
 */
export async function claimIdempotencyKey(
  userId: number,
  key: string,
  hash: string,
  transaction: Transaction,
): Promise<(answer: StoredAnswer<unknown>) => Promise<void>> {
  try {
    await runStatement(transaction, idempotencyClaimInsert(userId, key, hash));
  } catch (error) {
    if (!(error instanceof UniqueConstraintError)) throw error;
    return refuseOrReplay(userId, key, hash, error);
  }
  return async (answer) => {
    await runStatement(transaction, idempotencyAnswerUpdate(userId, key, answer));
  };
}
