import { CreationAttributes, Model, ModelStatic, QueryTypes, Transaction } from 'sequelize';
import { z } from 'zod';
import { logger } from '../../server/logger';
import { initModels } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { RuleKind } from '../rules/ruleKind';
import { RuleData } from '../screening/types';
import { bumpRuleVersion } from '../rules/ruleVersions';
import { WithRuleId } from '../rules/screeningRuleShapes';
import { parseRuleTable, readRuleTable } from './ruleTableFile';
import { entryState, stateText } from './shippedState';

/** How one rule table maps between its shipped file, its validated entries and its database rows. */
export interface TableRuleSpec<Entry, Row extends Model> {
  kind: string;
  /** The shipped defaults in `wordlists/`, and the columns its header must name. */
  file: string;
  columns: readonly string[];
  schema: z.ZodType<Entry>;
  /** The schema's input from a file row (cells by column name; empty cells mean "not given"). */
  fromFile(cells: Record<string, string>): unknown;
  model(): ModelStatic<Row>;
  /** The schema's input from a database row. */
  fromRow(row: Row): unknown;
  /** The database row for a validated entry. */
  toRow(entry: Entry, origin: string): CreationAttributes<Row>;
}

export type TableRuleKind<Entry> = RuleKind<WithRuleId<Entry>[]> & {
  /** The shipped defaults, read synchronously: checkers fall back to them when a rule set was not loaded. */
  readShipped(): WithRuleId<Entry>[];
  /** How the table maps to its file and schema: the rule management API imports and exports with it. */
  spec: TableRuleSpec<Entry, Model>;
};

/**
 * A rule kind backed by one table and one shipped file. Entries are validated by the same schema
 * on both paths; a bad line in a shipped file fails loudly, a bad database row (written past the
 * API) is skipped with a warning so that one row cannot stop every screening.
 */
export function tableRuleKind<Entry, Row extends Model>(spec: TableRuleSpec<Entry, Row>): TableRuleKind<Entry> {
  let shipped: WithRuleId<Entry>[] | undefined;
  const readShipped = (): WithRuleId<Entry>[] => {
    shipped ??= parseRuleTable(spec.file, readRuleTable(spec.file, spec.columns), (row) => ({
      ...validate(spec.schema, spec.fromFile(row.values)),
      ruleId: `${spec.kind}-f${row.line}`,
    }));
    return shipped;
  };
  return {
    kind: spec.kind,
    spec,
    readShipped,
    async loadShipped() {
      return readShipped();
    },
    async loadFromDatabase() {
      initModels();
      const rows = await spec.model().findAll({ where: { enabled: true } as never, order: [['id', 'ASC']] });
      const entries: WithRuleId<Entry>[] = [];
      for (const row of rows) {
        const id = String(row.get('id'));
        const result = spec.schema.safeParse(spec.fromRow(row));
        if (result.success) entries.push({ ...result.data, ruleId: `${spec.kind}-${id}` });
        else logger.warn({ kind: spec.kind, id, problems: problemsOf(result.error) }, 'invalid rule row skipped');
      }
      return entries;
    },
    async seedDatabase(transaction: Transaction) {
      initModels();
      // Seeded once per installation: a kind with a version counter was seeded (or written by an
      // admin) before, so a table that the admin emptied stays empty instead of refilling at the next start.
      if (await hasVersion(spec.kind, transaction)) return;
      const model = spec.model();
      // Each entry remembers what the release shipped, so that a later release can tell whether the admin changed it.
      const fields = Object.keys((spec.schema as unknown as z.ZodObject).shape);
      const rows = readShipped().map((entry) => ({ ...spec.toRow(entry, 'shipped'), shippedState: stateText(entryState(entry as object, fields, true)) }));
      if (rows.length && (await model.count({ transaction })) === 0) await model.bulkCreate(rows, { transaction });
      await bumpRuleVersion(spec.kind, transaction);
    },
  };
}

/** Whether the rule set has a version counter yet, i.e. was seeded or changed at least once. */
async function hasVersion(kind: string, transaction: Transaction): Promise<boolean> {
  const rows = await sequelize().query('SELECT 1 FROM rule_versions WHERE kind = ?', { replacements: [kind], transaction, type: QueryTypes.SELECT });
  return rows.length > 0;
}

/** Parses with the schema or throws every problem in one message. */
export function validate<Entry>(schema: z.ZodType<Entry>, input: unknown): Entry {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(problemsOf(result.error));
  return result.data;
}

function problemsOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`).join('; ');
}

/** An empty cell of a file row as null, so optional columns can be left blank. */
export function cell(cells: Record<string, string>, column: string): string | null {
  const value = cells[column]?.trim();
  return value ? value : null;
}

/**
 * A checker's view of one rule set: the loaded entries and their version, or the shipped defaults
 * (version 0) when the engine was built without that set, e.g. by a test that loads only the word lists.
 */
export function rulesOf<Entry>(data: RuleData, kind: TableRuleKind<Entry>): { version: number; entries: WithRuleId<Entry>[] } {
  const set = data[kind.kind];
  if (!set) return { version: 0, entries: kind.readShipped() };
  return { version: set.version, entries: set.data as WithRuleId<Entry>[] };
}
