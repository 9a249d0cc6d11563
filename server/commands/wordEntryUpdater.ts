import { AuditActor } from '../audit/auditRecorder';
import { refuseStaleEdit } from './staleEditGuard';
import { versionedRuleChange } from './ruleChange';
import { termWarnings, WordWarning } from './wordListWarnings';
import { changedFields, entryIdOf, sameFields, WordFields, WordList, WordRow, wordRowOf } from './wordLists';
import { goneEntry } from './goneEntry';

/**
 * The security admin changes the category, severity or note of a term (the note of an
 * allow-word). The text itself never changes: a different word is a different entry. Changing
 * nothing writes nothing and keeps the version. With `expectedUpdatedAt`, a form loaded before
 * another admin's change to the entry is refused (see refuseStaleEdit).
 */
export async function wordEntryUpdater(
  list: WordList,
  id: number,
  change: Partial<WordFields>,
  actor: AuditActor,
  expectedUpdatedAt?: string,
): Promise<{ row: WordRow; version: number; warnings: WordWarning[] }> {
  const { result, version } = await versionedRuleChange(list.kind, actor, async (transaction) => {
    const stored = await list.model().findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!stored) throw goneEntry('词条');
    const before = wordRowOf(list, stored);
    await refuseStaleEdit(expectedUpdatedAt, before.updatedAt, { objectType: list.objectType, objectId: entryIdOf(list, id) }, transaction);
    const after: WordFields = { ...before, ...change };
    if (sameFields(before, after)) return { result: before, audit: [] };
    const attributes: Record<string, unknown> = { note: after.note };
    if (list.fields.includes('category')) attributes.category = after.category;
    if (list.fields.includes('severity')) attributes.severity = after.severity;
    await stored.update(attributes, { transaction });
    return {
      result: wordRowOf(list, stored),
      audit: [
        {
          eventType: `${list.objectType}.update`,
          objectType: list.objectType,
          objectId: entryIdOf(list, id),
          outcome: 'success',
          detail: { id, [list.textField]: before.text, ...changedFields(list, before, after) },
        },
      ],
    };
  });
  // Only what the change brings in: a leader's name raised above notice (common words were warned of when added).
  const warnings = result.enabled && change.severity ? termWarnings(list, result.text, result.category, result.severity).filter((w) => w.code === 'leader_severity') : [];
  return { row: result, version, warnings };
}
