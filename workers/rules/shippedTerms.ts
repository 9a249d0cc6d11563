import { normalizeTerm } from '../lib/normalizer';
import { readNaughtyWordsChineseList, readSensitiveWordFilterList, triagePackageList, TriagedTerm } from './packageTermTriage';
import { readAllowWords, readCuratedTerms, readGovernmentVocabulary, readTriageMarkers } from './termListFiles';
import { AllowWordRule, TermRule, TermsData } from './termShapes';

/** Every shipped term, the ones the triage dropped included (they are imported disabled). */
export interface ShippedTerms {
  curated: TermRule[];
  triaged: TriagedTerm[];
  allowWords: AllowWordRule[];
}

let shipped: ShippedTerms | undefined;

/**
 * Reads the curated lists of `wordlists/` and triages the package lists against them, once per
 * process (about a second: jieba's dictionary, the word frequencies and 15,000 segmentations).
 */
export function readShippedTerms(): ShippedTerms {
  if (shipped) return shipped;
  const curated = readCuratedTerms();
  const context = {
    curatedKeys: new Set(curated.map((rule) => normalizeTerm(rule.term))),
    leaderKeys: curated.filter((rule) => rule.category === 'leader').map((rule) => normalizeTerm(rule.term)),
    markers: readTriageMarkers(),
    governmentVocabulary: readGovernmentVocabulary(),
  };
  const triaged = [readSensitiveWordFilterList(), readNaughtyWordsChineseList()].flatMap((list) => triagePackageList(list, context));
  shipped = { curated, triaged, allowWords: readAllowWords() };
  return shipped;
}

/** The shipped rule data: curated terms, the package terms the triage kept, and the allow-words. */
export function shippedTermsData(): TermsData {
  const { curated, triaged, allowWords } = readShippedTerms();
  const kept = triaged
    .filter((entry) => entry.enabled)
    .map(({ id, term, category, severity, note, origin }): TermRule => ({ id, term, category, severity, note, origin }));
  return { terms: [...curated, ...kept], allowWords };
}
