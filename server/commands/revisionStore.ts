import { Transaction } from 'sequelize';
import { executeStatement, runStatement, SessionVariable, Statement } from '../storage/directSql';
import { PreparedContent } from './draftContentPreparer';

/** The INSERT of a revision as prepared (sanitised body, plain text, hash). */
export function revisionInsert(draftId: number | SessionVariable, number: number, authorId: number, content: PreparedContent, at: Date): Statement {
  return {
    sql: `INSERT INTO revisions (draft_id, number, title, body, body_text, source_type, source_name, source_url, content_hash, author_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    values: [draftId, number, content.title, content.body, content.bodyText, content.sourceType, content.sourceName, content.sourceUrl, content.contentHash, authorId, at],
  };
}

/** Stores a revision of a draft; returns its id. */
export async function insertRevision(
  transaction: Transaction,
  draftId: number,
  number: number,
  authorId: number,
  content: PreparedContent,
  at: Date,
): Promise<number> {
  const { insertId } = await runStatement(transaction, revisionInsert(draftId, number, authorId, content, at));
  return insertId;
}

/** The INSERT of the accounts a draft is meant for, or null when there are none. */
export function draftAccountsInsert(draftId: number | SessionVariable, accountIds: number[]): Statement | null {
  if (!accountIds.length) return null;
  return { sql: 'INSERT INTO draft_accounts (draft_id, account_id) VALUES ?', values: [accountIds.map((accountId) => [draftId, accountId])] };
}

/** The accounts a draft is meant for, replacing those of an earlier revision. */
export async function storeDraftAccounts(transaction: Transaction, draftId: number, accountIds: number[], replace: boolean): Promise<void> {
  if (replace) await executeStatement(transaction, 'DELETE FROM draft_accounts WHERE draft_id = ?', [draftId]);
  const insert = draftAccountsInsert(draftId, accountIds);
  if (insert) await runStatement(transaction, insert);
}
