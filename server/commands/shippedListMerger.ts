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
 * import, all or nothing and audited as one, that tells the entries nobody changed since their
 * release (they follow this one: fields, enabled or disabled, and disabled when it no longer ships
 * them) from those the admin changed (kept, and listed in the answer): see shippedMergePlan. The
 * release's entries the admin deleted stay deleted and are listed; `restore` names those to bring back.
 */
export async function shippedRulesMerger(table: RuleTable, actor: AuditActor, restore: string[] = []): Promise<ImportSummary> {
  const rows: ImportRow[] = readRuleTable(table.ruleKind.spec.file, table.ruleKind.spec.columns).map((line) => ({
    row: line.line,
    input: table.ruleKind.spec.fromFile(line.values),
    enabled: true, // the files ship every rule enabled
  }));
  return ruleImporter(table, { mode: 'merge', format: 'tsv', rows, shipped: true, restore }, actor);
}

/** One shipped word entry: its text, the fields the list's schema takes, and its state. */
interface ShippedWord {
  text: string;
  input: Record<string, unknown>;
  /** A term the triage leaves out is shipped disabled, as at seeding. */
  enabled: boolean;
  origin: string;
}

function shippedWords(list: WordList): ShippedWord[] {
  if (list === TERM_LIST) {
    return shippedTermRows().map((term) => ({
      text: term.term,
      input: { term: term.term, category: term.category, severity: term.severity, note: term.note?.slice(0, MAX_NOTE) ?? null },
      enabled: term.enabled,
      origin: term.origin,
    }));
  }
  return readShippedTerms().allowWords.map((allow) => ({ text: allow.word, input: { word: allow.word, note: allow.note ?? null }, enabled: true, origin: 'shipped' }));
}

/**
 * The same for a word list: the terms of `wordlists/terms/` and of the triaged package lists, or
 * the allow-words. Each text once (the first list that ships it wins, as at seeding).
 */
export async function shippedWordListMerger(list: WordList, actor: AuditActor, restore: string[] = []): Promise<WordImportSummary> {
  const seen = new Set<string>();
  const rows: WordImportRow[] = [];
  for (const word of shippedWords(list)) {
    if (seen.has(word.text)) continue;
    seen.add(word.text);
    rows.push({ row: rows.length + 1, input: word.input, enabled: word.enabled, origin: word.origin });
  }
  return wordListImporter(list, { mode: 'merge', format: 'tsv', rows, shipped: true, restore }, actor);
}
