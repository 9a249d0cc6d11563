import { Model } from 'sequelize';
import { AuditActor } from '../audit/auditRecorder';
import { clashOf } from './ruleConflicts';
import { versionedRuleChange } from './ruleChange';
import { forgetDeleted } from './deletedDefaults';
import { keyOf, modelOf, RuleFields, rowOf, RuleTable } from './ruleTables';

/** The security admin adds one rule (validated fields); a duplicate or an overlapping wording rule is a 409. */
export async function ruleEntryCreator(
  table: RuleTable,
  fields: RuleFields,
  enabled: boolean,
  actor: AuditActor,
): Promise<{ row: Model; version: number }> {
  const { result, version } = await versionedRuleChange(table.kind, actor, async (transaction) => {
    const clash = await clashOf(table, fields, enabled, transaction);
    if (clash) throw clash;
    const row = await modelOf(table).create({ ...rowOf(table, fields, 'admin'), enabled }, { transaction });
    const id = Number(row.get('id'));
    // The key is there again: should the admin delete this entry, a merge may bring the release's back.
    const forgotten = (await forgetDeleted(table.kind, [keyOf(table, fields)], transaction)).size > 0;
    return {
      result: row,
      audit: [
        {
          eventType: 'rule.create',
          objectType: 'rule',
          objectId: `${table.kind}-${id}`,
          outcome: 'success',
          detail: { id, after: { ...fields, enabled }, ...(forgotten ? { deletedDefault: 'forgotten' } : {}) },
        },
      ],
    };
  });
  return { row: result, version };
}
