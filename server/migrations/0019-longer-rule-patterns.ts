import { PATTERN_MAX_LENGTH } from '../../workers/rules/screeningRuleShapes';
import { Migration, runStatements } from './types';

const TABLES = ['ad_rules', 'secrecy_rules', 'signal_rules'];

/**
 * Patterns of up to PATTERN_MAX_LENGTH characters (was 300): a marking on a header line with any
 * number of other markings (秘密★1年　内部资料　注意保存) takes the list of markings twice, before
 * and after the hit, which does not fit in 300. The unique keys still fit InnoDB's 3,072 bytes.
 */
export const longerRulePatterns: Migration = {
  name: '0019-longer-rule-patterns',
  async up({ context }) {
    await runStatements(
      context,
      TABLES.map((table) => `ALTER TABLE ${table} MODIFY pattern VARCHAR(${PATTERN_MAX_LENGTH}) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL`),
    );
  },
  async down({ context }) {
    // Refused by MariaDB (strict mode) while a longer pattern is stored: it is not cut silently.
    await runStatements(context, TABLES.map((table) => `ALTER TABLE ${table} MODIFY pattern VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL`));
  },
};
