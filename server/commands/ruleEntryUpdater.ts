import { Model } from 'sequelize';
import { readState } from '../../workers/lib/shippedState';
import { AuditActor } from '../audit/auditRecorder';
import { forgetDeleted, rememberDeleted } from './deletedDefaults';
import { clashOf } from './ruleConflicts';
import { validatedEntry } from './ruleEntryValidation';
import { refuseStaleEdit } from './staleEditGuard';
import { versionedRuleChange } from './ruleChange';
import { changedFields, keyOf, modelOf, RuleFields, rowOf, RuleTable, sameFields, storedEntry } from './ruleTables';
import { isReleaseOrigin } from './shippedMergePlan';
import { goneEntry } from './goneEntry';

/**
 * The security admin changes some fields of one rule. The result is validated as a whole (a
 * regex must still compile, an ad helper category must still have no severity …) and checked for
 * clashes with the other entries. Changing nothing writes nothing. A release's rule whose key the
 * admin changes (its pattern, its wrong form) no longer stands for the release's: the old key is
 * remembered as deleted, so that a merge of the release's defaults does not add it back beside the
 * admin's version (see deletedDefaults). With `expectedUpdatedAt`, a form loaded before another
 * admin's change to the rule is refused (see refuseStaleEdit).
 */
export async function ruleEntryUpdater(
  table: RuleTable,
  id: number,
  changes: RuleFields,
  actor: AuditActor,
  expectedUpdatedAt?: string,
): Promise<{ row: Model; version: number }> {
  const { result, version } = await versionedRuleChange(table.kind, actor, async (transaction) => {
    const row = await modelOf(table).findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!row) throw goneEntry('规则');
    await refuseStaleEdit(expectedUpdatedAt, row.get('updatedAt') as Date, { objectType: 'rule', objectId: `${table.kind}-${id}` }, transaction);
    const before = storedEntry(table, row);
    const after = validatedEntry(table, { ...before, ...changes });
    if (sameFields(table, before, after)) return { result: row, audit: [] };
    const clash = await clashOf(table, after, Boolean(row.get('enabled')), transaction, id);
    if (clash) throw clash;
    const rekeyed = keyOf(table, before) !== keyOf(table, after);
    // The key it had was the release's: the row came from a release, with the key that release gave it.
    const shipped = readState(row.get('shippedState') as string | null);
    const releaseKeyLeft = rekeyed && isReleaseOrigin(String(row.get('origin'))) && (shipped === null || keyOf(table, shipped) === keyOf(table, before));
    const { origin: _origin, ...attributes } = rowOf(table, after, String(row.get('origin')));
    await row.update(attributes, { transaction });
    if (releaseKeyLeft) await rememberDeleted(table.kind, [keyOf(table, before)], transaction);
    const forgotten = rekeyed && (await forgetDeleted(table.kind, [keyOf(table, after)], transaction)).size > 0;
    // The old key remembered, the new one forgotten, or both (moved onto a default the admin had deleted).
    const said = [releaseKeyLeft ? 'remembered' : '', forgotten ? 'forgotten' : ''].filter(Boolean).join(' and ');
    const deletedDefault = said ? { deletedDefault: said } : {};
    return {
      result: row,
      audit: [
        {
          eventType: 'rule.update',
          objectType: 'rule',
          objectId: `${table.kind}-${id}`,
          outcome: 'success',
          detail: { id, ...changedFields(table, before, after), ...deletedDefault },
        },
      ],
    };
  });
  return { row: result, version };
}
