import { Finding, SEVERITY_RANK } from '../screening/types';

/**
 * Of findings that cover the same span, keeps the most severe and then the longest: 机密★10年 is
 * reported once as a marking, not again as the word 机密 inside it.
 */
export function keepStrongest(findings: Finding[]): Finding[] {
  const ordered = [...findings].sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const finding of ordered) {
    const covered = kept.some(
      (other) =>
        other.field === finding.field &&
        other.start <= finding.start &&
        finding.end <= other.end &&
        (other.end > other.start || finding.end === finding.start),
    );
    if (!covered) kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
