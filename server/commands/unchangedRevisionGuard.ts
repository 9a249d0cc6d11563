import { Transaction } from 'sequelize';
import { unprocessable } from '../errors';
import { DraftAccount, Revision } from '../models';
import { PreparedContent } from './draftContentPreparer';

export const UNCHANGED_REVISION_MESSAGE = '稿件内容与退回时相同，请按审核意见修改后再提交；如无需修改，请在说明中写明理由';

/**
 * A returned draft sent back exactly as it was returned gives reviewers the same text to read again
 * with nothing to go on: refused (422) unless the editor says in a note why no change is needed.
 * Compared as stored: the sanitised body, title, source fields and the accounts it is meant for
 * (those kept when the revision names none).
 */
export async function refuseUnchangedRevision(
  draft: { id: number; currentRevisionId: number | null },
  prepared: PreparedContent,
  keepsAccounts: boolean,
  note: string | undefined,
  transaction: Transaction,
): Promise<void> {
  if (note) return;
  const returned = draft.currentRevisionId ? await Revision.findByPk(draft.currentRevisionId, { transaction }) : null;
  if (!returned) return;
  const sameText =
    returned.title === prepared.title &&
    returned.body === prepared.body &&
    returned.sourceType === prepared.sourceType &&
    (returned.sourceName ?? null) === prepared.sourceName &&
    (returned.sourceUrl ?? null) === prepared.sourceUrl;
  if (!sameText) return;
  if (!keepsAccounts) {
    const before = (await DraftAccount.findAll({ where: { draftId: draft.id }, transaction })).map((row) => row.accountId).sort((a, b) => a - b);
    const after = [...prepared.accountIds].sort((a, b) => a - b);
    if (before.join(',') !== after.join(',')) return;
  }
  throw unprocessable(UNCHANGED_REVISION_MESSAGE);
}
