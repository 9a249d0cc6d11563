import { normalizeTerm } from '../../workers/lib/normalizer';
import { wordFrequency } from '../../workers/lib/wordFrequency';
import { ORDINARY_FREQUENCY } from '../../workers/rules/packageTermTriage';
import { readGovernmentVocabulary } from '../../workers/rules/termListFiles';
import { Severity } from '../../workers/screening/types';
import { WordList } from './wordLists';

/**
 * Something the security admin should know about an entry that is still allowed: it goes into
 * the answer, not into a refusal. A common word in a term list is how floods of false alarms
 * start (管理, 政府, 人民 in the package list flagged every official text).
 */
export interface WordWarning {
  /** The import row, for imports. */
  row?: number;
  field: string;
  code: 'common_word' | 'government_vocabulary' | 'leader_severity' | 'same_when_normalized' | 'hides_blocking_term' | 'switched_off_by_allow_word';
  message: string;
}

let governmentVocabulary: Set<string> | undefined;

/** Warnings for a term about to be matched (a new one, or one enabled again): ordinary words and leader names above notice. */
export function termWarnings(list: WordList, text: string, category?: string, severity?: Severity): WordWarning[] {
  if (!list.warnsOfCommonWords) return [];
  const warnings: WordWarning[] = [];
  const normalized = normalizeTerm(text);
  const frequency = Math.max(wordFrequency(text), wordFrequency(normalized));
  governmentVocabulary ??= readGovernmentVocabulary();
  if (frequency >= ORDINARY_FREQUENCY) {
    warnings.push({
      field: list.textField,
      code: 'common_word',
      message:
        `“${text}”是常用词（结巴词典词频 ${frequency}），公文里随处可见，启用后几乎每篇稿件都会命中，审核人员会因此不再细看提示` +
        '（管理、政府、人民就是这样泛滥的）；请改收更长、更具体的说法，或至少把级别设为 notice',
    });
  } else if (governmentVocabulary.has(text) || governmentVocabulary.has(normalized)) {
    warnings.push({
      field: list.textField,
      code: 'government_vocabulary',
      message: `“${text}”是政务常用词汇（见 wordlists/jieba-user.dict.txt），公文中经常出现，启用后会大量误报；请确认确实需要`,
    });
  }
  if (category === 'leader' && severity && severity !== 'notice') {
    warnings.push({
      field: 'severity',
      code: 'leader_severity',
      message: '领导人姓名一般设为 notice（提示核对姓名、职务和排序），设为拦截或复核会让正常报道也被拦下',
    });
  }
  return warnings;
}

/** Another stored entry that reads the same once normalised: the matcher treats both as one word. */
export function sameWhenNormalizedWarning(list: WordList, text: string, twin: { id: number; text: string }): WordWarning {
  return {
    field: list.textField,
    code: 'same_when_normalized',
    message: `“${text}”与已有的“${twin.text}”（编号 ${twin.id}）归一化后相同，匹配时是同一个词（取级别最高的一条）`,
  };
}

/** The warnings an answer carries: the first ones, and how many there were. */
export const MAX_WARNINGS_SHOWN = 100;
