import type { Connection, QueryError, ResultSetHeader } from 'mysql2';
import { DatabaseError, ForeignKeyConstraintError, Transaction, UniqueConstraintError } from 'sequelize';
import { sequelize } from './database';

/** What a statement's placeholders may stand for (mysql2 escapes each; arrays become lists, e.g. `IN (?)`). */
export type SqlValue = string | number | boolean | Date | null | SessionVariable | readonly SqlValue[];

/** A session variable of the connection as a statement's value (the driver writes it as it is: `@draft_id`). */
export interface SessionVariable {
  toSqlString(): string;
}

/** `@name`, for a value set earlier in the same transaction (e.g. `SET @draft_id = LAST_INSERT_ID()`). */
export function sessionVariable(name: string): SessionVariable {
  if (!/^\w+$/.test(name)) throw new Error(`not a variable name: ${name}`);
  return { toSqlString: () => `@${name}` };
}

/** A parameterised statement, sent later (see storage/batchedTransaction). */
export interface Statement {
  sql: string;
  values: readonly SqlValue[];
}

export interface StatementResult {
  insertId: number;
  affectedRows: number;
}

const ER_DUP_ENTRY = 1062;
const ER_ROW_IS_REFERENCED = 1451;
const ER_NO_REFERENCED_ROW = 1452;

/**
 * The mysql2 connection Sequelize holds for a transaction. Sequelize 6 keeps it on the
 * transaction object (`transaction.connection`, set when the transaction starts); it is not in
 * the type declarations.
 */
function connectionOf(transaction: Transaction): Connection {
  const connection = (transaction as unknown as { connection?: Connection }).connection;
  if (!connection) throw new Error('the transaction has no connection (it has not started, or it has finished)');
  return connection;
}

/**
 * The driver's error as the Sequelize error the rest of the code expects: a unique key →
 * UniqueConstraintError (409 in the HTTP mapping), a foreign key → ForeignKeyConstraintError,
 * anything else (a lost connection included) → DatabaseError with the driver's error as `original`,
 * exactly as Sequelize's own queries report them. `sql` is the statement without its values, so
 * that logged errors carry no draft content.
 */
export function asSequelizeError(error: QueryError, sql: string): Error {
  const parent = Object.assign(error, { sql, parameters: {} });
  if (error.errno === ER_DUP_ENTRY) return new UniqueConstraintError({ parent, message: error.message });
  if (error.errno === ER_ROW_IS_REFERENCED || error.errno === ER_NO_REFERENCED_ROW) {
    return new ForeignKeyConstraintError({ parent, message: error.message });
  }
  return new DatabaseError(parent);
}

function send<T>(connection: Connection, sql: string, values: readonly SqlValue[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    connection.query(sql, values as unknown[], (error, result) => (error ? reject(asSequelizeError(error, sql)) : resolve(result as T)));
  });
}

/** Runs the statement inside the transaction when one is given, else on a connection borrowed from Sequelize's pool. */
async function sendWithin<T>(transaction: Transaction | null, sql: string, values: readonly SqlValue[]): Promise<T> {
  if (transaction) return send<T>(connectionOf(transaction), sql, values);
  const manager = sequelize().connectionManager;
  const connection = (await manager.getConnection({ type: 'write' })) as Connection;
  try {
    return await send<T>(connection, sql, values);
  } finally {
    manager.releaseConnection(connection);
  }
}

/**
 * Runs one parameterised INSERT, UPDATE or DELETE straight on the transaction's connection (or,
 * with no transaction, on a connection borrowed from the pool for this one statement). This is
 * for the hot paths (a draft's submission, its screening, the audit record): Model.create or
 * sequelize.query cost more CPU per statement than the round trip itself (query building, options
 * cloned with lodash, a stack trace captured per call, result mapping); here a statement costs the
 * escaping and the round trip. Values are escaped by mysql2 with the connection's settings (UTC
 * for dates, as Sequelize writes them).
 */
export async function executeStatement(transaction: Transaction | null, sql: string, values: readonly SqlValue[]): Promise<StatementResult> {
  const result = await sendWithin<ResultSetHeader>(transaction, sql, values);
  return { insertId: Number(result.insertId), affectedRows: result.affectedRows };
}

/** Runs a statement built by a row builder (shared with the batched paths) as executeStatement does. */
export function runStatement(transaction: Transaction | null, statement: Statement): Promise<StatementResult> {
  return executeStatement(transaction, statement.sql, statement.values);
}

/**
 * Runs one parameterised SELECT the same way and returns its rows as plain objects. Column types
 * come back as the driver reads them through Sequelize's type casts (integers as numbers): prefer
 * integer and string columns on hot paths.
 */
export function selectRows<T>(transaction: Transaction | null, sql: string, values: readonly SqlValue[]): Promise<T[]> {
  return sendWithin<T[]>(transaction, sql, values);
}
