import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';

/**
 * Records the SQL statements a piece of work sends, through mysql2's diagnostics channels (every
 * query and execute, whoever calls the driver: Sequelize or the direct statements). Attribution is
 * by async context, so statements of other work running at the same time are not counted.
 */
const current = new AsyncLocalStorage<string[]>();
const record = (message: unknown) => {
  const sql = (message as { query?: string }).query;
  if (sql !== undefined) current.getStore()?.push(sql);
};
diagnostics.subscribe('tracing:mysql2:query:start', record);
diagnostics.subscribe('tracing:mysql2:execute:start', record);

export async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const result = await current.run(statements, work);
  return { result, statements };
}

/** A statement in a few words: its verb and table ("INSERT drafts", "SELECT audit_chain"), or the whole of a short one ("COMMIT"). */
export function summarise(sql: string): string {
  const text = sql.trim().replace(/\s+/g, ' ').replace(/;$/, '');
  const write = /^(INSERT INTO|UPDATE|DELETE FROM) `?(\w+)/i.exec(text);
  if (write) return `${write[1]!.split(' ')[0]!.toUpperCase()} ${write[2]}`;
  const variable = /^SET (@\w+) =/i.exec(text);
  if (variable) return `SET ${variable[1]}`;
  const read = /^SELECT .*? FROM `?(\w+)/i.exec(text);
  if (read) return `SELECT ${read[1]}`;
  return text.toUpperCase();
}

/**
 * Each round trip as the summaries of its statements: a batch of several statements is one query
 * (see server/storage/batchedTransaction), its statements joined by ";\n".
 */
export function roundTrips(statements: string[]): string[][] {
  return statements.map((query) => query.split(';\n').map(summarise));
}
