import mysql from 'mysql2/promise';
import { DataTypes, QueryInterface, QueryTypes } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { env } from '../env';
import { logger } from '../logger';
import { migrations } from '../migrations';
import { ensureDatabaseExists, parseDatabaseUrl, sequelize } from './database';
import { seedDatabase } from './seed';

const LOCK_NAME = 'gov_review_migrations';
const LOCK_WAIT_SECONDS = 120;
const MIGRATIONS_TABLE = 'schema_migrations';

/** Umzug's own table definition, in utf8mb4 like every other table (umzug would create it as utf8mb3). */
function migrationLog() {
  const db = sequelize();
  if (db.isDefined('SchemaMigration')) return db.model('SchemaMigration');
  return db.define(
    'SchemaMigration',
    { name: { type: DataTypes.STRING, allowNull: false, unique: true, primaryKey: true, autoIncrement: false } },
    { tableName: MIGRATIONS_TABLE, timestamps: false, charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
  );
}

/** Installations whose migration log umzug created in utf8mb3 get it converted once. */
async function convertMigrationLog(): Promise<void> {
  const [table] = await sequelize().query<{ collation: string }>(
    'SELECT TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
    { replacements: [MIGRATIONS_TABLE], type: QueryTypes.SELECT },
  );
  if (table && !table.collation.startsWith('utf8mb4_')) {
    await sequelize().query(`ALTER TABLE ${MIGRATIONS_TABLE} CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
}

function umzug(): Umzug<QueryInterface> {
  return new Umzug({
    migrations: migrations.map((m) => ({ name: m.name, up: m.up, down: m.down })),
    context: sequelize().getQueryInterface(),
    storage: new SequelizeStorage({ model: migrationLog() }),
    logger: undefined,
  });
}

/**
 * Creates the database if needed, applies pending migrations and seeds first-start data.
 * Several processes may start at once: a MariaDB named lock, held on a connection of its own,
 * lets exactly one work while the others wait and then find nothing left to do.
 */
export async function prepareDatabase(options: { seed?: boolean } = {}): Promise<string[]> {
  await ensureDatabaseExists();
  const location = parseDatabaseUrl(env().DATABASE_URL);
  const lockConnection = await mysql.createConnection({ ...location, connectTimeout: 5000 });
  try {
    const [rows] = await lockConnection.query('SELECT GET_LOCK(?, ?) AS got', [LOCK_NAME, LOCK_WAIT_SECONDS]);
    if ((rows as Array<{ got: number }>)[0]?.got !== 1) {
      throw new Error(`another process held the migration lock for more than ${LOCK_WAIT_SECONDS} s`);
    }
    await convertMigrationLog();
    const applied = await umzug().up();
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'database migrated');
    if (options.seed !== false) await seedDatabase();
    return applied.map((m) => m.name);
  } finally {
    await lockConnection.query('DO RELEASE_LOCK(?)', [LOCK_NAME]).catch(() => undefined);
    await lockConnection.end();
  }
}
