import type { Connection, QueryError, ResultSetHeader } from 'mysql2';
import { sequelize } from './database';
import { asSequelizeError, SqlValue, Statement, StatementResult } from './directSql';

/** What a statement of a batch gave back: a write's counts, or a read's rows. */
export type BatchOutcome = StatementResult | Array<Record<string, unknown>>;

const START = 'START TRANSACTION';

/**
 * A transaction whose statements travel to MariaDB in batches, one round trip per batch (several
 * statements in one query, which the connections allow: see storage/database). On this kind of
 * machine a round trip costs more CPU than the statement itself, in the driver, in the kernel and
 * in MariaDB alike (`npm run bench:pipeline`), so the pipeline's hot paths send what they can
 * together: a submission's transaction takes two round trips, a screening's one.
 *
 * Statements later in a batch refer to ids made earlier in it through session variables
 * (`SET @draft_id = LAST_INSERT_ID()`); the values of each statement are escaped by the driver,
 * as for any other query. When a statement fails, MariaDB runs none of the rest of its batch and
 * the transaction is rolled back.
 */
export class BatchedTransaction {
  private started = false;
  private ended = false;

  constructor(private readonly connection: Connection) {}

  /** Sends the statements in one round trip (the first batch also starts the transaction). */
  send(statements: readonly Statement[]): Promise<BatchOutcome[]> {
    return this.sendAll(statements, false);
  }

  /** Sends the statements and the COMMIT in one round trip: the transaction's last batch. */
  commitWith(statements: readonly Statement[]): Promise<BatchOutcome[]> {
    return this.sendAll(statements, true);
  }

  /** Whether a ROLLBACK is owed: something was sent and no COMMIT succeeded. */
  get open(): boolean {
    return this.started && !this.ended;
  }

  async rollback(): Promise<void> {
    this.ended = true;
    await query(this.connection, 'ROLLBACK', 'ROLLBACK');
  }

  private async sendAll(statements: readonly Statement[], commit: boolean): Promise<BatchOutcome[]> {
    if (this.ended) throw new Error('this transaction has ended');
    const texts = statements.map((statement) => this.connection.format(statement.sql, statement.values as unknown[]));
    const templates = statements.map((statement) => statement.sql);
    const lead = this.started ? 0 : 1;
    if (lead) {
      texts.unshift(START);
      templates.unshift(START);
    }
    if (commit) {
      texts.push('COMMIT');
      templates.push('COMMIT');
    }
    this.started = true;
    // The statements are joined by ";\n": escaped values never hold a bare line break, so the
    // statement log of the tests can tell the statements of a batch apart.
    const raw = await query(this.connection, texts.join(';\n'), templates.join(';\n'));
    if (commit) this.ended = true;
    const outcomes = (texts.length === 1 ? [raw] : (raw as unknown[])).map(outcomeOf);
    return outcomes.slice(lead, lead + statements.length);
  }
}

function outcomeOf(raw: unknown): BatchOutcome {
  if (Array.isArray(raw)) return raw as Array<Record<string, unknown>>;
  const header = raw as ResultSetHeader;
  return { insertId: Number(header.insertId), affectedRows: header.affectedRows };
}

/** One query; a failure is reported with the statements' text without their values (no draft content in logs). */
function query(connection: Connection, text: string, templates: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    connection.query(text, (error: QueryError | null, result: unknown) => (error ? reject(asSequelizeError(error, templates)) : resolve(result)));
  });
}

/** A write's counts from a batch's outcome (a programming error when the statement was a read). */
export function writeOutcome(outcome: BatchOutcome | undefined): StatementResult {
  if (!outcome || Array.isArray(outcome)) throw new Error('expected the outcome of a write');
  return outcome;
}

/** A read's rows from a batch's outcome. */
export function rowsOutcome<T>(outcome: BatchOutcome | undefined): T[] {
  if (!Array.isArray(outcome)) throw new Error('expected the rows of a read');
  return outcome as T[];
}

/**
 * Runs `work` in a transaction of batches on a connection of Sequelize's pool. `work` must end the
 * transaction with commitWith(); if it throws, or leaves the transaction open, it is rolled back
 * (a ROLLBACK that fails, on a lost connection, leaves the first error to be reported).
 */
export async function batchedTransaction<T>(work: (transaction: BatchedTransaction) => Promise<T>): Promise<T> {
  const manager = sequelize().connectionManager;
  const connection = (await manager.getConnection({ type: 'write' })) as Connection;
  const transaction = new BatchedTransaction(connection);
  try {
    const result = await work(transaction);
    if (transaction.open) throw new Error('a batched transaction must end with commitWith()');
    return result;
  } catch (error) {
    if (transaction.open) await transaction.rollback().catch(() => undefined);
    throw error;
  } finally {
    manager.releaseConnection(connection);
  }
}

/**
 * The INSERT of `rows` into `table`. With `onlyIf`, a condition on session variables set earlier in
 * the batch (e.g. `@moved = 1`), the rows are written only if it holds when the statement runs
 * (INSERT … SELECT … FROM DUAL WHERE): a batch can then carry the writes that depend on an earlier
 * statement's outcome without a round trip to look at it.
 */
export function rowsInsert(table: string, columns: readonly string[], rows: ReadonlyArray<readonly SqlValue[]>, onlyIf?: string): Statement {
  const into = `INSERT INTO ${table} (${columns.join(', ')})`;
  if (!onlyIf) return { sql: `${into} VALUES ?`, values: [rows] };
  const select = `SELECT ${columns.map(() => '?').join(', ')} FROM DUAL WHERE ${onlyIf}`;
  return { sql: `${into} ${rows.map(() => select).join(' UNION ALL ')}`, values: rows.flat() };
}
