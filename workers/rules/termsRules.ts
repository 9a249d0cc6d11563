import { CreationAttributes, Transaction } from 'sequelize';
import { AllowWord, initModels, Term } from '../../server/models';
import { RuleKind } from './ruleKind';
import { bumpRuleVersion } from './ruleVersions';
import { shippedTermRows, shippedTermsData } from './shippedTerms';
import { TermsData } from './termShapes';

/** Rows per INSERT when seeding: 15,000 terms go in a few statements. */
const SEED_CHUNK = 1000;

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
    if ((await Term.count({ transaction })) > 0) return;
    const rows: Array<CreationAttributes<Term>> = shippedTermRows().map((row) => ({
      term: row.term,
      category: row.category,
      severity: row.severity,
      note: row.note?.slice(0, 300) ?? null,
      origin: row.origin,
      enabled: row.enabled,
    }));
    for (let i = 0; i < rows.length; i += SEED_CHUNK) await Term.bulkCreate(rows.slice(i, i + SEED_CHUNK), { transaction });
    if ((await AllowWord.count({ transaction })) === 0) {
      const { allowWords } = shippedTermsData();
      await AllowWord.bulkCreate(
        allowWords.map((allow) => ({ word: allow.word, note: allow.note, origin: 'shipped' })),
        { transaction },
      );
    }
    await bumpRuleVersion('terms', transaction);
  },
};
