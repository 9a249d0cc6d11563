import { env, EnvError } from './env';
import { logger } from './logger';
import { initModels } from './models';
import { DatabaseUnreachableError } from './storage/database';
import { prepareDatabase } from './storage/migrator';
import { checkRedis, RedisUnreachableError } from './storage/redis';

/**
 * What every process does before it serves: validate the configuration, make sure MariaDB and
 * Redis answer (saying which one does not, where it tried and how to start it), then create or
 * migrate the schema. Problems end the process with a message for the operator.
 */
export async function bootstrap(processName: string): Promise<void> {
  try {
    env();
    await checkRedis();
    await prepareDatabase();
    initModels();
  } catch (error) {
    if (error instanceof EnvError || error instanceof DatabaseUnreachableError || error instanceof RedisUnreachableError) {
      process.stderr.write(`\n${processName} cannot start.\n${error.message}\n\n`);
    } else {
      logger.fatal({ err: error }, `${processName} cannot start`);
      process.stderr.write(`\n${processName} cannot start: ${(error as Error).message}\n\n`);
    }
    process.exit(1);
  }
}
