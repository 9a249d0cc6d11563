import { QueryTypes, Transaction } from 'sequelize';
import { normalizeTerm } from '../../workers/lib/normalizer';
import { Severity } from '../../workers/screening/types';
import { conflict } from '../errors';
import { sequelize } from '../storage/database';
import { WordProblem } from './wordEntryValidation';
import { WordWarning } from './wordListWarnings';
import { WordList } from './wordLists';

/**
 * An allow-word switches off every term hit inside it (路口交通 ⊃ 口交), as the matcher reads both:
 * normalised. That is its job when it is longer than the term; an allow-word that reads the same as
 * an enabled term switches that term off everywhere, which is what disabling the term is for, and
 * does it where nobody looking at the term list would see it. So that is refused, and an allow-word
 * that hides a blocking term inside it is answered with a warning naming the term.
 */
export interface EnabledTerm {
  id: number;
  term: string;
  severity: Severity;
}

/** The enabled terms by normalised form (the matcher's key), lowest id first. */
export type EnabledTermsByKey = Map<string, EnabledTerm[]>;

export async function readEnabledTerms(transaction: Transaction): Promise<EnabledTermsByKey> {
  const rows = await sequelize().query<EnabledTerm>('SELECT id, term, severity FROM terms WHERE enabled = 1 ORDER BY id', { type: QueryTypes.SELECT, transaction });
  const byKey: EnabledTermsByKey = new Map();
  for (const row of rows) {
    const key = normalizeTerm(row.term);
    const same = byKey.get(key);
    const term = { id: Number(row.id), term: row.term, severity: row.severity };
    if (same) same.push(term);
    else byKey.set(key, [term]);
  }
  return byKey;
}

/** Why an allow-word about to be matched is refused: it reads the same as an enabled term. */
export function switchOffProblem(word: string, terms: EnabledTermsByKey): WordProblem | null {
  const term = terms.get(normalizeTerm(word))?.[0];
  if (!term) return null;
  const same = term.term === word ? '相同' : `归一化后相同（都读作“${normalizeTerm(word)}”）`;
  return {
    field: 'word',
    message: `白名单词“${word}”与敏感词“${term.term}”（编号 ${term.id}）${same}，会使该敏感词失效；如需停用该敏感词，请在敏感词表中停用`,
  };
}

/** The blocking terms written inside a longer allow-word: wherever it is written, they are not flagged. */
export function hiddenBlockingTermsWarning(word: string, terms: EnabledTermsByKey): WordWarning | null {
  const key = [...normalizeTerm(word)];
  const hidden = new Map<number, EnabledTerm>();
  for (let start = 0; start < key.length; start++) {
    for (let end = start + 2; end <= key.length; end++) {
      if (end - start === key.length) continue; // the whole word: refused, not warned of
      for (const term of terms.get(key.slice(start, end).join('')) ?? []) if (term.severity === 'block') hidden.set(term.id, term);
    }
  }
  if (hidden.size === 0) return null;
  const names = [...hidden.values()].map((term) => `“${term.term}”`).join('、');
  return {
    field: 'word',
    code: 'hides_blocking_term',
    message: `白名单词“${word}”包含拦截级敏感词${names}：正文中写作“${word}”时不再提示这些词；请确认“${word}”本身是正常用语`,
  };
}

/**
 * For one allow-word about to be matched (added, or enabled again): 409 when it would switch a term
 * off, else the warnings for what it hides. Nothing to say of a term.
 */
export async function allowWordCheck(list: WordList, word: string, transaction: Transaction): Promise<WordWarning[]> {
  if (list.name === 'terms') return switchedOffTermWarning(word, transaction);
  if (list.name !== 'allow-words') return [];
  const terms = await readEnabledTerms(transaction);
  const problem = switchOffProblem(word, terms);
  if (problem) throw conflict(problem.message, [problem]);
  const warning = hiddenBlockingTermsWarning(word, terms);
  return warning ? [warning] : [];
}

/** The same for the allow-words an import brings into matching: every problem with its row, and the warnings. */
export async function allowWordsImportCheck(
  words: ReadonlyArray<{ row: number; fields: { text: string } }>,
  transaction: Transaction,
): Promise<{ problems: WordProblem[]; warnings: WordWarning[] }> {
  if (words.length === 0) return { problems: [], warnings: [] };
  const terms = await readEnabledTerms(transaction);
  const problems: WordProblem[] = [];
  const warnings: WordWarning[] = [];
  for (const { row, fields } of words) {
    const problem = switchOffProblem(fields.text, terms);
    if (problem) problems.push({ ...problem, row });
    const warning = problem ? null : hiddenBlockingTermsWarning(fields.text, terms);
    if (warning) warnings.push({ ...warning, row });
  }
  return { problems, warnings };
}

/**
 * The other way round, for a term about to be matched (added, or enabled again): an enabled
 * allow-word that reads the same switches it off. The term is what the admin asks for, so it is
 * kept, with a warning naming the allow-word to delete or disable.
 */
async function switchedOffTermWarning(term: string, transaction: Transaction): Promise<WordWarning[]> {
  const key = normalizeTerm(term);
  const rows = await sequelize().query<{ id: number; word: string }>('SELECT id, word FROM allow_words WHERE enabled = 1 ORDER BY id', { type: QueryTypes.SELECT, transaction });
  const same = rows.find((row) => normalizeTerm(row.word) === key);
  if (!same) return [];
  return [
    {
      field: 'term',
      code: 'switched_off_by_allow_word',
      message: `敏感词“${term}”与白名单词“${same.word}”（编号 ${Number(same.id)}）归一化后相同，在白名单词删除或停用之前不会被标出`,
    },
  ];
}
