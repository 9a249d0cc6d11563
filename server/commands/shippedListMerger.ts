import { readRuleTable } from '../../workers/lib/ruleTableFile';
import { readShippedTerms, shippedTermRows } from '../../workers/rules/shippedTerms';
import { AuditActor } from '../audit/auditRecorder';
import { ImportRow, ImportSummary, ruleImporter } from './ruleImporter';
import { RuleTable } from './ruleTables';
import { WordImportRow, WordImportSummary, wordListImporter } from './wordListImporter';
import { TERM_LIST, WordList } from './wordLists';

/** The longest note a word entry keeps (the triage's reasons can be longer); as when the lists are seeded. */
const MAX_NOTE = 300;

/**
 * A release's defaults taken into an installation that was seeded with an older release's: the
 * security admin merges the shipped file of a rule table, or the shipped lists of a word list,
 * in one step from the console instead of finding the files on the server's disk. It is a merge
 * import (audited as one): new entries are added, entries with the same key take the release's
 * fields, nothing the release does not name is touched, and every stored entry keeps its enabled
 * state, so that a default the admin turned off stays off. New entries are marked as shipped.
 */
export async function shippedRulesMerger(table: RuleTable, actor: AuditActor): Promise<ImportSummary> {
  const rows: ImportRow[] = readRuleTable(table.ruleKind.spec.file, table.ruleKind.spec.columns).map((line) => ({
    row: line.line,
    input: table.ruleKind.spec.fromFile(line.values),
    enabled: undefined, // a new entry is enabled; a stored one keeps its state (request.shipped)
  }));
  return ruleImporter(table, { mode: 'merge', format: 'tsv', rows, shipped: true }, actor);
}

/** One shipped word entry: its text, the fields the list's schema takes, and its state if new. */
interface ShippedWord {
  text: string;
  input: Record<string, unknown>;
  /** A new term the triage left out arrives disabled, as at seeding. */
  enabledIfNew: boolean;
  origin: string;
}

function shippedWords(list: WordList): ShippedWord[] {
  if (list === TERM_LIST) {
    return shippedTermRows().map((term) => ({
      text: term.term,
      input: { term: term.term, category: term.category, severity: term.severity, note: term.note?.slice(0, MAX_NOTE) ?? null },
      enabledIfNew: term.enabled,
      origin: term.origin,
    }));
  }
  return readShippedTerms().allowWords.map((allow) => ({ text: allow.word, input: { word: allow.word, note: allow.note ?? null }, enabledIfNew: true, origin: 'shipped' }));
}

/**
 * The same for a word list: the terms of `wordlists/terms/` and of the triaged package lists, or
 * the allow-words. Each text once (the first list that ships it wins, as at seeding).
 */
export async function shippedWordListMerger(list: WordList, actor: AuditActor): Promise<WordImportSummary> {
  const seen = new Set<string>();
  const rows: WordImportRow[] = [];
  for (const word of shippedWords(list)) {
    if (seen.has(word.text)) continue;
    seen.add(word.text);
    // The triage's verdict for a new entry; a stored one keeps its state (request.shipped).
    rows.push({ row: rows.length + 1, input: word.input, enabled: word.enabledIfNew, origin: word.origin });
  }
  return wordListImporter(list, { mode: 'merge', format: 'tsv', rows, shipped: true }, actor);
}
