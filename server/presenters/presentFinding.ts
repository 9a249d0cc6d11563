import { FindingRecord } from '../models';

/** A stored finding in the API's shape (offsets in code points of the field's plain text). */
export function presentFinding(finding: FindingRecord) {
  return {
    checker: finding.checker,
    severity: finding.severity,
    field: finding.field,
    start: finding.startOffset,
    end: finding.endOffset,
    text: finding.text,
    term: finding.term,
    category: finding.category,
    ruleId: finding.ruleId,
    suggestion: finding.suggestion,
    reason: finding.reason,
    listVersion: finding.listVersion,
  };
}
