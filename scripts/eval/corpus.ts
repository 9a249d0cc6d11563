import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../workers/lib/projectRoot';
import { loadShippedRules } from '../../workers/rules/ruleProvider';
import { checkers } from '../../workers/screening/checkers';
import { ScreeningEngine } from '../../workers/screening/engine';
import { Finding } from '../../workers/screening/types';

/**
 * The public evaluation corpora live beside the repository (../shared/corpus) and are read at run
 * time only; nothing of them is ever copied into the repository.
 */
export function corpusFile(file: string): string {
  return path.join(projectRoot(), '..', 'shared', 'corpus', file);
}

/** The lines of a JSON-lines corpus file, or null when the corpus is not there. */
export function readCorpus<T>(file: string): T[] | null {
  const filePath = corpusFile(file);
  if (!fs.existsSync(filePath)) return null;
  return fs
    .readFileSync(filePath, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** The full pre-screen as the workers run it: every registered checker, the shipped rules of every kind. */
export async function shippedEngine(): Promise<ScreeningEngine> {
  return new ScreeningEngine(checkers, await loadShippedRules());
}

/** Plain text as a draft body: one paragraph per line, escaped. */
export function textAsHtml(text: string): string {
  const escape = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split('\n')
    .map((line) => `<p>${escape(line)}</p>`)
    .join('');
}

/** One finding on one line, for the lists of offending findings. */
export function describeFinding(where: string, finding: Finding): string {
  const rule = finding.ruleId ? ` ${finding.ruleId}` : '';
  return `${where} ${finding.checker}/${finding.severity} ${finding.field}[${finding.start},${finding.end}) "${finding.text}"${rule} — ${finding.reason ?? ''}`;
}
