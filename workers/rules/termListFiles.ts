import fs from 'node:fs';
import { wordlistPath } from '../lib/projectRoot';
import { parseRuleTable, readRuleTable } from '../lib/ruleTableFile';
import { Severity, SEVERITIES } from '../screening/types';
import { AllowWordRule, TERM_CATEGORY, TermRule } from './termShapes';

/** The curated term lists: every `*.tsv` in `wordlists/terms/` except the two files of the triage. */
const TERMS_DIR = 'terms';
export const MARKERS_FILE = `${TERMS_DIR}/package-markers.tsv`;
export const ORDINARY_PHRASES_FILE = `${TERMS_DIR}/package-ordinary.tsv`;
const TRIAGE_FILES = new Set([MARKERS_FILE, ORDINARY_PHRASES_FILE]);
export const ALLOW_WORDS_FILE = 'allow-words.tsv';
/** The government vocabulary that jieba keeps whole; the triage never flags these words either. */
export const GOVERNMENT_VOCABULARY_FILE = 'jieba-user.dict.txt';


/** Reads every curated term list, in file-name order. */
export function readCuratedTerms(): TermRule[] {
  const files = fs
    .readdirSync(wordlistPath(TERMS_DIR))
    .filter((name) => name.endsWith('.tsv') && !TRIAGE_FILES.has(`${TERMS_DIR}/${name}`))
    .sort();
  return files.flatMap((name) => {
    const file = `${TERMS_DIR}/${name}`;
    const origin = `list:${name.replace(/\.tsv$/, '')}`;
    return parseRuleTable(file, readRuleTable(file, ['term', 'category', 'severity']), (row): TermRule => {
      const { term, category, severity, note } = row.values;
      if (!term || term.length > 100) throw new Error('term must have 1 to 100 characters');
      if (!TERM_CATEGORY.test(category)) throw new Error(`category "${category}" must be lower-case letters and dashes, or a Chinese name`);
      if (!(SEVERITIES as readonly string[]).includes(severity)) throw new Error(`severity must be one of ${SEVERITIES.join(', ')}`);
      return { id: `terms-f:${name}:${row.line}`, term, category, severity: severity as Severity, note: note || null, origin };
    });
  });
}

export function readAllowWords(): AllowWordRule[] {
  return parseRuleTable(ALLOW_WORDS_FILE, readRuleTable(ALLOW_WORDS_FILE, ['word']), (row) => {
    if (!row.values.word || row.values.word.length > 100) throw new Error('word must have 1 to 100 characters');
    return { word: row.values.word, note: row.values.note || null };
  });
}

/** Morphemes that put a term of an uncategorised package list into a category (淫 → porn). */
export function readTriageMarkers(): Array<{ marker: string; category: string }> {
  return parseRuleTable(MARKERS_FILE, readRuleTable(MARKERS_FILE, ['marker', 'category']), (row) => {
    if (!row.values.marker) throw new Error('marker is empty');
    if (!TERM_CATEGORY.test(row.values.category)) throw new Error(`category "${row.values.category}" must be lower-case letters and dashes, or a Chinese name`);
    return { marker: row.values.marker, category: row.values.category };
  });
}

/** Ordinary phrases of the package lists that the triage drops (好朋友), as written in the file. */
export function readOrdinaryPhrases(): string[] {
  return parseRuleTable(ORDINARY_PHRASES_FILE, readRuleTable(ORDINARY_PHRASES_FILE, ['phrase', 'note']), (row) => {
    if (!row.values.phrase) throw new Error('phrase is empty');
    if (!row.values.note) throw new Error('note must say why no rule tells this phrase from a real variant');
    return row.values.phrase;
  });
}

/** The words of the government vocabulary (first column of the jieba user dictionary). */
export function readGovernmentVocabulary(): Set<string> {
  const text = fs.readFileSync(wordlistPath(GOVERNMENT_VOCABULARY_FILE), 'utf8');
  return new Set(
    text
      .split(/\r?\n/)
      .map((line) => line.trim().split(/\s+/)[0])
      .filter(Boolean),
  );
}
