import { createHash } from 'node:crypto';
import { Transaction, UniqueConstraintError } from 'sequelize';
import { unprocessable } from '../errors';
import { IdempotencyKey } from '../models';

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
    await IdempotencyKey.create({ userId, idemKey: key, requestHash: hash, statusCode: 0, response: '' }, { transaction });
  } catch (error) {
    if (!(error instanceof UniqueConstraintError)) throw error;
    const existing = await IdempotencyKey.findOne({ where: { userId, idemKey: key } });
    if (!existing || existing.statusCode === 0) throw error;
    if (existing.requestHash !== hash) {
      throw unprocessable('该 Idempotency-Key 已用于另一个不同内容的请求');
    }
    throw new IdempotentReplay({ statusCode: existing.statusCode, body: JSON.parse(existing.response) });
  }
  return async (answer) => {
    await IdempotencyKey.update(
      { statusCode: answer.statusCode, response: JSON.stringify(answer.body) },
      { where: { userId, idemKey: key }, transaction },
    );
  };
}
