import { normalizeTerm } from '../lib/normalizer';
import { readFunctionWords } from '../lib/functionWords';
import { readNaughtyWordsChineseList, readSensitiveWordFilterList, triagePackageList, TriageContext, TriagedTerm } from './packageTermTriage';
import { readAllowWords, readCuratedTerms, readGovernmentVocabulary, readOrdinaryPhrases, readTriageMarkers } from './termListFiles';
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
  const context = triageContext(curated);
  const triaged = [readSensitiveWordFilterList(), readNaughtyWordsChineseList()].flatMap((list) => triagePackageList(list, context));
  shipped = { curated, triaged, allowWords: readAllowWords() };
  return shipped;
}

/** What the triage judges the package lists against: the curated lists and the files of `wordlists/terms/`. */
export function triageContext(curated: readonly TermRule[] = readCuratedTerms()): TriageContext {
  return {
    curatedKeys: new Set(curated.map((rule) => normalizeTerm(rule.term))),
    leaderKeys: curated.filter((rule) => rule.category === 'leader').map((rule) => normalizeTerm(rule.term)),
    markers: readTriageMarkers(),
    governmentVocabulary: readGovernmentVocabulary(),
    ordinaryPhrases: new Set(readOrdinaryPhrases().map((phrase) => normalizeTerm(phrase))),
    functionWords: readFunctionWords(),
  };
}

/**
 * Every shipped entry once per exact term, curated lists first, the triage's verdict included:
 * what the `terms` table receives (its unique key is the exact term).
 */
export function shippedTermRows(): Array<TermRule & { enabled: boolean }> {
  const { curated, triaged } = readShippedTerms();
  const seen = new Set<string>();
  const rows: Array<TermRule & { enabled: boolean }> = [];
  for (const entry of [...curated.map((rule) => ({ ...rule, enabled: true })), ...triaged]) {
    if (seen.has(entry.term)) continue;
    seen.add(entry.term);
    const { id, term, category, severity, note, origin, enabled } = entry;
    rows.push({ id, term, category, severity, note, origin, enabled });
  }
  return rows;
}

/** The shipped rule data: curated terms, the package terms the triage kept, and the allow-words. */
export function shippedTermsData(): TermsData {
  const terms = shippedTermRows()
    .filter((row) => row.enabled)
    .map(({ enabled: _enabled, ...rule }): TermRule => rule);
  const allowWords = [...new Map(readShippedTerms().allowWords.map((allow) => [allow.word, allow])).values()];
  return { terms, allowWords };
}
