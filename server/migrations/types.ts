import { QueryInterface } from 'sequelize';

export interface Migration {
  name: string;
  up(params: { context: QueryInterface }): Promise<void>;
  down(params: { context: QueryInterface }): Promise<void>;
}

/** Runs statements one by one: MariaDB takes one statement per query. */
export async function runStatements(context: QueryInterface, statements: string[]): Promise<void> {
  for (const statement of statements) await context.sequelize.query(statement);
}

/** Table options every table shares: InnoDB and utf8mb4, so rare characters and emoji round-trip. */
export const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
