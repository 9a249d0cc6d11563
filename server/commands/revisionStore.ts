import { Transaction } from 'sequelize';
import { executeStatement } from '../storage/directSql';
import { PreparedContent } from './draftContentPreparer';

/** Stores a revision of a draft as prepared (sanitised body, plain text, hash); returns its id. */
export async function insertRevision(
  transaction: Transaction,
  draftId: number,
  number: number,
  authorId: number,
  content: PreparedContent,
  at: Date,
): Promise<number> {
  const { insertId } = await executeStatement(
    transaction,
    `INSERT INTO revisions (draft_id, number, title, body, body_text, source_type, source_name, source_url, content_hash, author_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [draftId, number, content.title, content.body, content.bodyText, content.sourceType, content.sourceName, content.sourceUrl, content.contentHash, authorId, at],
  );
  return insertId;
}

/** The accounts a draft is meant for, replacing those of an earlier revision. */
export async function storeDraftAccounts(transaction: Transaction, draftId: number, accountIds: number[], replace: boolean): Promise<void> {
  if (replace) await executeStatement(transaction, 'DELETE FROM draft_accounts WHERE draft_id = ?', [draftId]);
  if (!accountIds.length) return;
  await executeStatement(transaction, 'INSERT INTO draft_accounts (draft_id, account_id) VALUES ?', [accountIds.map((accountId) => [draftId, accountId])]);
}
