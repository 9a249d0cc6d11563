import { AuditActor } from '../audit/auditRecorder';
import { notFound } from '../errors';
import { versionedRuleChange } from './ruleChange';
import { apiFieldsOf, entryIdOf, WordList, wordRowOf } from './wordLists';

/**
 * The security admin deletes one entry. The audit record keeps all of it, so a deleted term can
 * be read back and added again. Deleted shipped terms stay deleted: the shipped lists seed the
 * tables once per installation.
 */
export async function wordEntryDeleter(list: WordList, id: number, actor: AuditActor): Promise<{ version: number }> {
  const { version } = await versionedRuleChange(list.kind, actor, async (transaction) => {
    const stored = await list.model().findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!stored) throw notFound(`${list.label}中没有编号为 ${id} 的词条`);
    const row = wordRowOf(list, stored);
    await stored.destroy({ transaction });
    return {
      result: undefined,
      audit: [
        {
          eventType: `${list.objectType}.delete`,
          objectType: list.objectType,
          objectId: entryIdOf(list, id),
          outcome: 'success',
          detail: { id, before: { ...apiFieldsOf(list, row), enabled: row.enabled, origin: row.origin } },
        },
      ],
    };
  });
  return { version };
}
