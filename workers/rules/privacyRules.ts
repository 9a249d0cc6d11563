import { PrivacyPolicy } from '../../server/models';
import { cell, tableRuleKind } from '../lib/tableRuleKind';
import { PrivacyPolicyEntry, privacyPolicySchema } from './screeningRuleShapes';

/** The admins' policy for personal numbers: how severe each kind is, alone and next to a person's name. */
export const privacyRuleKind = tableRuleKind<PrivacyPolicyEntry, PrivacyPolicy>({
  kind: 'privacy',
  file: 'privacy.tsv',
  columns: ['data_type', 'severity', 'severity_near_name'],
  schema: privacyPolicySchema,
  fromFile: (cells) => ({
    dataType: cells.data_type,
    severity: cells.severity,
    severityNearName: cells.severity_near_name,
    note: cell(cells, 'note'),
  }),
  model: () => PrivacyPolicy,
  fromRow: (row) => ({ dataType: row.dataType, severity: row.severity, severityNearName: row.severityNearName, note: row.note }),
  toRow: (entry, origin) => ({ ...entry, origin }),
});
