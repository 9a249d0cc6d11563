import { Transaction } from 'sequelize';

/**
 * A set of screening rules that admins maintain (word lists, source whitelist, link rules …).
 * Its data lives in MariaDB once imported; the shipped defaults in `wordlists/` seed it on first
 * start and stand in when the database cannot be reached (the batch screener offline).
 */
export interface RuleKind<Data = unknown> {
  /** Stable name, used as the key of its version counter in `rule_versions` ("terms", "sources" …). */
  kind: string;
  /** The shipped defaults, read from `wordlists/` (and from npm packages that ship lists). */
  loadShipped(): Promise<Data>;
  /** The current data from MariaDB (enabled entries only, in effect now). */
  loadFromDatabase(): Promise<Data>;
  /** Imports the shipped defaults into empty tables; called inside the seeding transaction. */
  seedDatabase(transaction: Transaction): Promise<void>;
}
