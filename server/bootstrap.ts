import { reportUnprotectedAuditLog } from './audit/auditTriggers';
import { EnvScope, loadEnv } from './env';
import { logger } from './logger';
import { initModels } from './models';
import { prepareDatabase } from './storage/migrator';
import { checkRedis } from './storage/redis';
import { StartupProblem } from './startupProblem';

/**
 * What every process does before it serves: validate the configuration, make sure MariaDB and
 * Redis answer (saying which one does not, where it tried and how to start it), then create or
 * migrate the schema. Problems end the process with a message for the operator. Workers and monitors
 * (scope 'background') do not check the HTTP server's variables.
 */
export async function bootstrap(processName: string, scope: EnvScope = 'all'): Promise<void> {
  try {
    loadEnv(scope);
    await checkRedis();
    await prepareDatabase();
    initModels();
    await reportUnprotectedAuditLog();
  } catch (error) {
    cannotStart(processName, error);
  }
}

/**
 * Ends a process that could not start: a problem the operator can fix in one plain message, anything
 * else logged with its stack for a developer. processName is said to the operator, e.g. 「审核服务」.
 */
export function cannotStart(processName: string, error: unknown): never {
  // The operator reads the header with the message under it: both in Chinese.
  if (error instanceof StartupProblem) {
    process.stderr.write(`\n${processName}无法启动：\n${error.message}\n\n`);
  } else {
    logger.fatal({ err: error, process: processName }, 'cannot start');
    process.stderr.write(`\n${processName}无法启动：${(error as Error).message}\n\n`);
  }
  // Let the logger flush what it holds before the process ends.
  logger.flush();
  process.exit(1);
}
