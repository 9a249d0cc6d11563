import { readNaughtyWordsChineseList, readSensitiveWordFilterList, triagePackageList, TriagedTerm } from '../../workers/rules/packageTermTriage';
import { triageContext } from '../../workers/rules/shippedTerms';

/** Terms listed per change of level; the count covers them all. */
const SAMPLE = 40;

/**
 * What the triage's ordinary-word rules change in the package lists: each list triaged with
 * them and without them (no ordinary phrases, no function words), and every term whose level
 * differs counted by its change, with a sample, so that what the rules lose can be judged.
 */
export function runPackageTriageEvaluation(): string[] {
  const context = triageContext();
  const without = { ...context, ordinaryPhrases: new Set<string>(), functionWords: new Set<string>() };
  const level = (term: TriagedTerm) => (term.enabled ? term.severity : 'dropped');
  const changes = new Map<string, string[]>();
  let total = 0;
  for (const list of [readSensitiveWordFilterList(), readNaughtyWordsChineseList()]) {
    const before = new Map(triagePackageList(list, without).map((term) => [term.id, term]));
    const after = triagePackageList(list, context);
    total += after.length;
    for (const term of after) {
      const old = before.get(term.id)!;
      if (level(old) === level(term)) continue;
      const change = `${level(old)} → ${level(term)}`;
      changes.set(change, [...(changes.get(change) ?? []), term.term]);
    }
  }
  const changed = [...changes.values()].reduce((sum, terms) => sum + terms.length, 0);
  return [
    `package triage: ${changed} of ${total} package terms change level under the ordinary-word rules`,
    ...[...changes.entries()].map(
      ([change, terms]) => `package triage ${change}: ${terms.length} (${terms.slice(0, SAMPLE).join(' ')}${terms.length > SAMPLE ? ' …' : ''})`,
    ),
  ];
}
