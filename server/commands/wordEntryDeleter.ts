import { AuditActor } from '../audit/auditRecorder';
import { rememberDeleted } from './deletedDefaults';
import { versionedRuleChange } from './ruleChange';
import { isReleaseOrigin } from './shippedMergePlan';
import { apiFieldsOf, entryIdOf, WordList, wordRowOf } from './wordLists';
import { goneEntry } from './goneEntry';

/**
 * The security admin deletes one entry. The audit record keeps all of it, so a deleted term can
 * be read back and added again. Deleted shipped terms stay deleted: the shipped lists seed the
 * tables once per installation, and a merge of a release's defaults leaves them out (see deletedDefaults).
 */
export async function wordEntryDeleter(list: WordList, id: number, actor: AuditActor): Promise<{ version: number }> {
  const { version } = await versionedRuleChange(list.kind, actor, async (transaction) => {
    const stored = await list.model().findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!stored) throw goneEntry('词条');
    const row = wordRowOf(list, stored);
    await stored.destroy({ transaction });
    // A release's entry the admin deleted stays deleted: the next merge of the release's defaults leaves it out.
    const fromRelease = isReleaseOrigin(row.origin);
    if (fromRelease) await rememberDeleted(list.name, [row.text], transaction);
    return {
      result: undefined,
      audit: [
        {
          eventType: `${list.objectType}.delete`,
          objectType: list.objectType,
          objectId: entryIdOf(list, id),
          outcome: 'success',
          detail: { id, before: { ...apiFieldsOf(list, row), enabled: row.enabled, origin: row.origin }, ...(fromRelease ? { deletedDefault: 'remembered' } : {}) },
        },
      ],
    };
  });
  return { version };
}
