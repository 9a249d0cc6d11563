import { Model } from 'sequelize';
import { fieldsOfRow, RuleTable } from '../commands/ruleTables';

/**
 * One rule entry as the console shows it: its fields as the checkers read them, whether it is
 * enabled, where it came from (shipped defaults, the console, an import), and `ruleId`, the id
 * that findings raised by it carry. `valid: false` marks a row written past the API that the
 * workers skip.
 */
export function presentRuleEntry(table: RuleTable, row: Model) {
  const fields = fieldsOfRow(table, row);
  const id = Number(row.get('id'));
  return {
    id,
    ruleId: `${table.kind}-${id}`,
    ...Object.fromEntries(table.fields.map((field) => [field, fields[field] ?? null])),
    enabled: Boolean(row.get('enabled')),
    origin: String(row.get('origin')),
    valid: table.schema.safeParse(fields).success,
    createdAt: (row.get('createdAt') as Date).toISOString(),
    updatedAt: (row.get('updatedAt') as Date).toISOString(),
  };
}
