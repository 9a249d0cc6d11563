import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../workers/lib/projectRoot';
import { TypoHit, typoDetector } from '../../workers/lib/typoDetector';

/**
 * Precision and recall of the wording checker's general typo detector on the SIGHAN-2015 test
 * sentences in ../shared/corpus/csc.jsonl (read at run time, never copied into the repository).
 *
 * Sentence level: a sentence is flagged when the detector reports anything in it; it is a true
 * positive when the sentence has an error. Character level: a reported character is a true
 * positive when it is one of the marked error positions; "corrected" counts those whose
 * suggested character is also the marked correct one.
 */

interface CscSentence {
  id: string;
  text: string;
  has_error: boolean;
  edits: Array<{ pos: number; wrong: string; correct: string }>;
}

export interface CscReport {
  sentences: number;
  sentencePrecision: number;
  sentenceRecall: number;
  charPrecision: number;
  charRecall: number;
  correctionPrecision: number;
  lines: string[];
}

export function corpusPath(file: string): string {
  return path.join(projectRoot(), '..', 'shared', 'corpus', file);
}

/** Positions in the corpus count characters (code points); the detector reports UTF-16 offsets. */
function codePointIndex(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

export function evaluateCsc(sentences: CscSentence[], detect: (text: string) => TypoHit[]): CscReport {
  let flaggedWithError = 0;
  let flaggedClean = 0;
  let withError = 0;
  let charTrue = 0;
  let charFalse = 0;
  let corrected = 0;
  let edits = 0;
  const falseAlarms: string[] = [];
  for (const sentence of sentences) {
    const hits = detect(sentence.text);
    const marked = new Map(sentence.edits.map((edit) => [edit.pos, edit.correct]));
    edits += marked.size;
    if (sentence.has_error) withError++;
    if (hits.length) {
      if (sentence.has_error) flaggedWithError++;
      else flaggedClean++;
    }
    for (const hit of hits) {
      const position = codePointIndex(sentence.text, hit.start);
      if (marked.has(position)) {
        charTrue++;
        if (marked.get(position) === hit.right) corrected++;
      } else {
        charFalse++;
        falseAlarms.push(`${sentence.id}: ${hit.written}→${hit.word}`);
      }
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const report = {
    sentences: sentences.length,
    sentencePrecision: ratio(flaggedWithError, flaggedWithError + flaggedClean),
    sentenceRecall: ratio(flaggedWithError, withError),
    charPrecision: ratio(charTrue, charTrue + charFalse),
    charRecall: ratio(charTrue, edits),
    correctionPrecision: ratio(corrected, charTrue + charFalse),
  };
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  return {
    ...report,
    lines: [
      `csc: ${sentences.length} sentences (${withError} with errors, ${edits} marked characters)`,
      `csc sentence level: precision ${pct(report.sentencePrecision)} (${flaggedWithError}/${flaggedWithError + flaggedClean}), recall ${pct(report.sentenceRecall)} (${flaggedWithError}/${withError})`,
      `csc character level: precision ${pct(report.charPrecision)} (${charTrue}/${charTrue + charFalse}), recall ${pct(report.charRecall)} (${charTrue}/${edits}), right correction ${pct(report.correctionPrecision)} (${corrected}/${charTrue + charFalse})`,
      ...falseAlarms.map((alarm) => `csc false alarm: ${alarm}`),
    ],
  };
}

/** Runs the evaluation; returns the report lines, or a note that the corpus is absent. */
export function runCscEvaluation(): string[] {
  const file = corpusPath('csc.jsonl');
  if (!fs.existsSync(file)) return [`csc: skipped, ${file} not found (the evaluation corpora live beside the repository)`];
  const sentences = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CscSentence);
  const detector = typoDetector();
  return [...evaluateCsc(sentences, (text) => detector.detect(text)).lines, ...cleanProseAlarms((text) => detector.detect(text))];
}

/**
 * The other side of precision: alarms on government prose that has no typos (gov_clean.jsonl),
 * which is what the accounts publish, unlike the learners' sentences of SIGHAN.
 */
function cleanProseAlarms(detect: (text: string) => TypoHit[]): string[] {
  const file = corpusPath('gov_clean.jsonl');
  if (!fs.existsSync(file)) return [];
  let characters = 0;
  const alarms: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const document = JSON.parse(line) as { id: string; text: string };
    characters += [...document.text].length;
    for (const hit of detect(document.text)) alarms.push(`${document.id}: ${hit.written}→${hit.word}`);
  }
  return [
    `csc clean government prose: ${alarms.length} alarms in ${characters} characters (${((alarms.length * 10000) / characters).toFixed(2)} per 10,000)`,
    ...alarms.map((alarm) => `csc clean-prose alarm: ${alarm}`),
  ];
}

if (require.main === module) {
  for (const line of runCscEvaluation()) console.log(line);
}
