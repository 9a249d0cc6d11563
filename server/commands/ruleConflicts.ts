import { Op, Transaction, WhereOptions } from 'sequelize';
import { conflict, HttpError } from '../errors';
import { describeKey, fieldsOfRow, modelOf, periodsOverlap, RuleFields, RuleTable } from './ruleTables';

function period(fields: RuleFields): string {
  return `${(fields.validFrom as string | null) ?? '不限'} 至 ${(fields.validTo as string | null) ?? '不限'}`;
}

/**
 * The 409 for an entry that would clash with a stored one, or null: the same key as another entry
 * (enabled or not: the table's unique key holds for both), or, for wording rules, the same wrong
 * form in force on a common day as another enabled rule. Callers hold the kind's version lock
 * (see versionedRuleChange), so no other change of the kind slips in between check and write.
 */
export async function clashOf(
  table: RuleTable,
  fields: RuleFields,
  enabled: boolean,
  transaction: Transaction,
  exceptId?: number,
): Promise<HttpError | null> {
  const model = modelOf(table);
  const except = exceptId === undefined ? {} : { id: { [Op.ne]: exceptId } };
  if (!table.periodOf) {
    const key = Object.fromEntries(table.keyFields.map((field) => [field, fields[field] ?? null]));
    const same = await model.findOne({ where: { ...key, ...except } as WhereOptions, transaction });
    if (!same) return null;
    const id = Number(same.get('id'));
    const state = same.get('enabled') ? '' : '，已停用';
    return conflict(`已有相同的${table.label}规则（编号 ${id}${state}）：${describeKey(table, fields)}；请修改那条规则，不要重复添加`, {
      id,
      ruleId: `${table.kind}-${id}`,
    });
  }
  if (!enabled) return null;
  const field = table.periodOf;
  const rows = await model.findAll({ where: { [field]: fields[field], enabled: true, ...except } as WhereOptions, transaction, order: [['id', 'ASC']] });
  const overlapping = rows.find((row) => periodsOverlap(fieldsOfRow(table, row), fields));
  if (!overlapping) return null;
  const id = Number(overlapping.get('id'));
  return conflict(
    `${table.fieldLabels[field]}“${String(fields[field])}”已有一条启用的规则（编号 ${id}），有效期 ${period(fieldsOfRow(table, overlapping))}，` +
      `与本条的有效期 ${period(fields)} 重叠；同一天只能有一条规则生效，请先修改那条规则的有效期或停用它`,
    { id, ruleId: `${table.kind}-${id}` },
  );
}
