import { CreationAttributes, QueryTypes, Transaction } from 'sequelize';
import { AllowWord, initModels, Term } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { RuleKind } from './ruleKind';
import { entryState, stateText } from '../lib/shippedState';
import { bumpRuleVersion } from './ruleVersions';
import { shippedTermRows, shippedTermsData } from './shippedTerms';
import { TermsData } from './termShapes';

/** Rows per INSERT when seeding: 15,000 terms go in a few statements. */
const SEED_CHUNK = 1000;
/** The fields of an entry that a release ships (see workers/lib/shippedState.ts). */
const TERM_STATE = ['term', 'category', 'severity', 'note'];
const ALLOW_WORD_STATE = ['word', 'note'];

/**
 * The sensitive-term lists and allow-words (kind "terms"). Shipped defaults come from
 * `wordlists/terms/`, `wordlists/allow-words.tsv` and the triaged package lists; once seeded,
 * the `terms` and `allow_words` tables are the source of truth that security admins edit.
 */
export const termsRuleKind: RuleKind<TermsData> = {
  kind: 'terms',

  async loadShipped() {
    return shippedTermsData();
  },

  async loadFromDatabase() {
    initModels();
    const [terms, allowWords] = await Promise.all([
      Term.findAll({ where: { enabled: true }, order: [['id', 'ASC']], raw: true }),
      AllowWord.findAll({ where: { enabled: true }, order: [['id', 'ASC']], raw: true }),
    ]);
    return {
      terms: terms.map((row) => ({
        id: `terms-${row.id}`,
        term: row.term,
        category: row.category,
        severity: row.severity,
        note: row.note,
        origin: row.origin,
      })),
      allowWords: allowWords.map((row) => ({ word: row.word, note: row.note })),
    };
  },

  async seedDatabase(transaction: Transaction) {
    initModels();
    // Seeded once per installation: once "terms" has a version it was seeded (or changed by an
    // admin) before, so terms and allow-words that the admin deleted do not come back at the next start.
    if (await wasSeeded(transaction)) return;
    if ((await Term.count({ transaction })) === 0) await seedTerms(transaction);
    if ((await AllowWord.count({ transaction })) === 0) {
      const { allowWords } = shippedTermsData();
      await AllowWord.bulkCreate(
        allowWords.map((allow) => ({ word: allow.word, note: allow.note, origin: 'shipped', shippedState: stateText(entryState(allow, ALLOW_WORD_STATE, true)) })),
        { transaction },
      );
    }
    await bumpRuleVersion('terms', transaction);
  },
};

/** Whether the rule set "terms" has a version counter yet, i.e. was seeded or changed at least once. */
async function wasSeeded(transaction: Transaction): Promise<boolean> {
  const rows = await sequelize().query("SELECT 1 FROM rule_versions WHERE kind = 'terms'", { transaction, type: QueryTypes.SELECT });
  return rows.length > 0;
}

/** Every shipped term, the ones the triage dropped included (disabled, with the reason in the note). */
async function seedTerms(transaction: Transaction): Promise<void> {
  const rows: Array<CreationAttributes<Term>> = shippedTermRows().map((row) => {
    const fields = { term: row.term, category: row.category, severity: row.severity, note: row.note?.slice(0, 300) ?? null };
    // What the release shipped, so that a later release can tell whether the admin changed the term.
    return { ...fields, origin: row.origin, enabled: row.enabled, shippedState: stateText(entryState(fields, TERM_STATE, row.enabled)) };
  });
  for (let i = 0; i < rows.length; i += SEED_CHUNK) await Term.bulkCreate(rows.slice(i, i + SEED_CHUNK), { transaction });
}
