import { AuditActor } from '../audit/auditRecorder';
import { versionedRuleChange } from './ruleChange';
import { rememberDeleted } from './deletedDefaults';
import { keyOf, modelOf, RuleTable, storedEntry } from './ruleTables';
import { isReleaseOrigin } from './shippedMergePlan';
import { goneEntry } from './goneEntry';

/**
 * The security admin deletes one rule. The audit record keeps the whole entry, so a deleted rule
 * can be read back and restored by hand. Deleting every rule of a table leaves it empty: the
 * shipped defaults are seeded only once per installation, and a merge of a release's defaults
 * does not bring back a release's rule the admin deleted (see deletedDefaults).
 */
export async function ruleEntryDeleter(table: RuleTable, id: number, actor: AuditActor): Promise<{ version: number }> {
  const { version } = await versionedRuleChange(table.kind, actor, async (transaction) => {
    const row = await modelOf(table).findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!row) throw goneEntry('规则');
    const fields = storedEntry(table, row);
    const before = { ...fields, enabled: Boolean(row.get('enabled')), origin: String(row.get('origin')) };
    await row.destroy({ transaction });
    // A release's entry the admin deleted stays deleted: the next merge of the release's defaults leaves it out.
    const fromRelease = isReleaseOrigin(before.origin);
    if (fromRelease) await rememberDeleted(table.kind, [keyOf(table, fields)], transaction);
    return {
      result: undefined,
      audit: [
        {
          eventType: 'rule.delete',
          objectType: 'rule',
          objectId: `${table.kind}-${id}`,
          outcome: 'success',
          detail: { id, before, ...(fromRelease ? { deletedDefault: 'remembered' } : {}) },
        },
      ],
    };
  });
  return { version };
}
