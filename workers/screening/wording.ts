import { findPunctuationSlips } from '../lib/punctuationSlips';
import { NearMissFinder } from '../lib/nearMissFinder';
import { rulesOf } from '../lib/tableRuleKind';
import { typoDetector } from '../lib/typoDetector';
import { findTextUrls } from '../lib/urls';
import { chinaToday, WordingTable } from '../lib/wordingTable';
import { formulationsRuleKind } from '../rules/formulationsRules';
import { chineseName, FormulationEntry, WithRuleId } from '../rules/screeningRuleShapes';
import { wordingRuleKind } from '../rules/wordingRules';
import { Checker, Field, Finding } from './types';

interface CompiledWording {
  table: WordingTable;
  nearMisses: NearMissFinder<WithRuleId<FormulationEntry>>;
  wordingVersion: number;
  formulationsVersion: number;
}

const CATEGORY_NAMES: Record<string, string> = {
  formulation: '重要表述',
  institution: '机构名称',
  typo: '错别字',
  usage: '用语',
};
const CONFUSION_NAMES = { 'same-sound': '同音', 'near-sound': '近音', shape: '形近' } as const;

export interface WordingOptions {
  /** Today in China ('YYYY-MM-DD'), for the effective dates of rules; a parameter so tests can fix the day. */
  today?: () => string;
  /** Whether to run the statistical typo detector (it loads jieba's dictionary, a second or two once per process). */
  typoDetection?: boolean;
}

/**
 * Wording (文字关): the table of wrong expressions with their effective dates, near misses of
 * important formulations, a general typo detector, and formal slips of punctuation.
 */
export function createWordingChecker(options: WordingOptions = {}): Checker<CompiledWording> {
  const today = options.today ?? (() => chinaToday());
  const typoDetection = options.typoDetection ?? true;
  return {
    name: 'wording',
    ruleKinds: [wordingRuleKind.kind, formulationsRuleKind.kind],

    compile(data) {
      const wording = rulesOf(data, wordingRuleKind);
      const formulations = rulesOf(data, formulationsRuleKind);
      // The right forms of the table are right even when one character off a formulation.
      const known = wording.entries.map((rule) => rule.correct);
      // Built once per process; building it here keeps the first screening as fast as the rest.
      if (typoDetection) typoDetector();
      return {
        table: new WordingTable(wording.entries),
        nearMisses: new NearMissFinder(formulations.entries.map((entry) => ({ phrase: entry.phrase, value: entry })), known),
        wordingVersion: wording.version,
        formulationsVersion: formulations.version,
      };
    },

    check(draft, compiled) {
      const day = today();
      const findings: Finding[] = [];
      for (const field of ['title', 'body'] as const) {
        findings.push(...checkText(field, draft.texts[field], compiled, day, typoDetection));
      }
      return findings;
    },
  };
}

function checkText(field: Field, text: string, compiled: CompiledWording, day: string, typoDetection: boolean): Finding[] {
  const findings: Finding[] = [];
  const taken: Array<{ start: number; end: number }> = [];
  const overlapsTaken = (start: number, end: number) => taken.some((span) => span.start < end && start < span.end);

  for (const hit of compiled.table.find(text, day)) {
    const { rule } = hit;
    findings.push({
      checker: 'wording', severity: rule.severity, field, start: hit.start, end: hit.end, text: hit.text, term: rule.wrong,
      category: `wording_${rule.category}`, ruleId: rule.ruleId, suggestion: rule.correct,
      reason: `${CATEGORY_NAMES[rule.category] ?? chineseName(rule.category) ?? '表述'}不规范：“${hit.text}”应为“${rule.correct}”${rule.note ? `（${rule.note}）` : ''}`,
      listVersion: compiled.wordingVersion,
    });
    taken.push(hit);
  }

  for (const miss of compiled.nearMisses.find(text)) {
    if (overlapsTaken(miss.start, miss.end)) continue;
    findings.push({
      checker: 'wording', severity: miss.value.severity, field, start: miss.start, end: miss.end, text: miss.text,
      term: miss.formulation, category: 'wording_formulation', ruleId: miss.value.ruleId, suggestion: miss.formulation,
      reason: `疑似重要表述写错：“${miss.text}”应为“${miss.formulation}”（“${miss.text[miss.index]}”与“${miss.formulation[miss.index]}”${CONFUSION_NAMES[miss.confusion]}）`,
      listVersion: compiled.formulationsVersion,
    });
    taken.push(miss);
  }

  if (typoDetection) {
    for (const typo of typoDetector().detect(text)) {
      if (overlapsTaken(typo.start, typo.end)) continue;
      findings.push({
        checker: 'wording', severity: 'notice', field, start: typo.start, end: typo.end, text: typo.wrong, term: typo.word,
        category: 'wording_typo_guess', ruleId: 'wording.typo-detector', suggestion: typo.right,
        reason: `疑似错别字：“${typo.written}”可能应为“${typo.word}”（${CONFUSION_NAMES[typo.confusion]}）`,
      });
    }
  }

  for (const slip of findPunctuationSlips(text, findTextUrls(text))) {
    findings.push({
      checker: 'wording', severity: 'notice', field, start: slip.start, end: slip.end, text: slip.text, term: slip.text,
      category: 'wording_punctuation', ruleId: slip.kind === 'repeated' ? 'wording.repeated-punctuation' : 'wording.half-width-punctuation',
      suggestion: slip.suggestion,
      reason: slip.kind === 'repeated' ? `标点重复“${slip.text}”` : `中文句子中使用了半角标点“${slip.text}”，应为全角“${slip.suggestion}”`,
    });
  }
  return findings;
}

export const wordingChecker = createWordingChecker();
