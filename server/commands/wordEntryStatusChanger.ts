import { AuditActor } from '../audit/auditRecorder';
import { allowWordCheck } from './allowWordShadows';
import { versionedRuleChange } from './ruleChange';
import { termWarnings, WordWarning } from './wordListWarnings';
import { entryIdOf, WordList, WordRow, wordRowOf } from './wordLists';
import { goneEntry } from './goneEntry';

/**
 * The security admin enables or disables one entry. A disabled entry stays in the list (and in
 * exports) but the checker does not read it: the package terms that the triage judged ordinary
 * words are stored disabled, so enabling one of those warns like adding a common word. An
 * allow-word is enabled on the terms as adding it is (allowWordShadows).
 */
export async function wordEntryStatusChanger(
  list: WordList,
  id: number,
  enabled: boolean,
  actor: AuditActor,
): Promise<{ row: WordRow; version: number; warnings: WordWarning[] }> {
  const { result, version, changed } = await versionedRuleChange(list.kind, actor, async (transaction) => {
    const stored = await list.model().findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!stored) throw goneEntry('词条');
    const was = Boolean(stored.get('enabled'));
    if (was === enabled) return { result: { row: wordRowOf(list, stored), shadows: [] }, audit: [] };
    const shadows = enabled ? await allowWordCheck(list, String(stored.get(list.textField)), transaction) : [];
    await stored.update({ enabled }, { transaction });
    const row = wordRowOf(list, stored);
    return {
      result: { row, shadows },
      audit: [
        {
          eventType: `${list.objectType}.${enabled ? 'enable' : 'disable'}`,
          objectType: list.objectType,
          objectId: entryIdOf(list, id),
          outcome: 'success',
          detail: { id, [list.textField]: row.text, before: { enabled: was }, after: { enabled } },
        },
      ],
    };
  });
  const { row, shadows } = result;
  const warnings = changed && enabled ? [...termWarnings(list, row.text, row.category, row.severity), ...shadows] : [];
  return { row, version, warnings };
}
