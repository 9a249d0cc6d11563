import { parseArgs } from 'node:util';
import { recordAudit } from '../audit/auditRecorder';
import { purgeAuditLog } from '../audit/auditPurger';
import { missingAuditTriggers, reportUnprotectedAuditLog, restoreAuditTriggers, RESTORE_COMMAND } from '../audit/auditTriggers';
import { verifyAuditChain } from '../audit/auditVerifier';
import { unitCreator } from '../commands/unitCreator';
import { userCreator } from '../commands/userCreator';
import { operatorUserCommands } from './userCommands';
import { env } from '../env';
import { HttpError } from '../errors';
import { validated } from '../middlewares/validate';
import { initModels } from '../models';
import { NewUnitSchema } from '../routes/units/schema';
import { closeDatabase } from '../storage/database';
import { prepareDatabase } from '../storage/migrator';
import { checkRedis, closeRedis, RedisUnreachableError } from '../storage/redis';
import { StartupProblem } from '../startupProblem';
import { backUpDatabase } from './databaseBackup';
import { operatorActor } from './operatorActor';
import { readPasswordFromStdin } from './readStdin';

const USAGE = `Usage: npm run --silent admin -- <command> [options]

Commands:
  user:create --username NAME --role ROLE [--level N] [--unit CODE] [--display-name NAME] --password-stdin
      ROLE: editor, reviewer, sysadmin, secadmin, auditor; --level for reviewers only, and required (1 初审, 2 复审, 3 终审).
      The password is the one line read from standard input; it is the user's own (no change required at first login).
  unit:create --code CODE --name NAME [--levels 2|3]
  user:reset-password --username NAME [--password-stdin]
      Sets a temporary password (printed once, or read from standard input) that must be changed at
      first login; ends the account's sessions and lifts a lockout. For every role, admins included.
  user:disable --username NAME | user:enable --username NAME
  user:reset-totp --username NAME      Removes a lost authenticator; the user enrols again.
  audit:verify      Check the audit log's hash chain and its protecting triggers; exits 1 naming the
                    first broken record or the missing triggers.
  audit:restore-triggers  Create the audit log's append-only triggers again after someone dropped them.
  audit:purge [--dry-run]
      Remove audit records older than AUDIT_RETENTION_DAYS (default 365, at least 184); the chain
      stays verifiable from an anchor. --dry-run only counts them.
  backup [--dir DIR] [--keep N]
      Write a compressed dump of the whole database (mariadb-dump, one transaction) into DIR
      (default /var/backups/gov-review), readable by its owner only, and remove this database's
      oldest backups there beyond the newest N (default 14). Audited as backup.create.
  migrate           Create the database and apply migrations (every start does this too).
`;

const operator = operatorActor();

async function userCreate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      level: { type: 'string' },
      unit: { type: 'string' },
      'display-name': { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
    strict: true,
  });
  if (!values.username || !values.role) throw new UsageError('user:create needs --username and --role');
  if (!values['password-stdin']) throw new UsageError('user:create reads the password from standard input: add --password-stdin (no password on the command line)');
  // The console gives a new reviewer level 1 by default; here the operator says which, as the README's examples do.
  if (values.role === 'reviewer' && values.level === undefined) throw new UsageError('a reviewer needs --level 1, 2 or 3 (1 初审, 2 复审, 3 终审)');
  const level = values.level === undefined ? undefined : Number(values.level);
  if (level !== undefined && !Number.isInteger(level)) throw new UsageError(`--level must be a whole number, not "${values.level}"`);
  const password = await readPasswordFromStdin();
  const user = await userCreator(
    { username: values.username, role: values.role, level, unitCode: values.unit, displayName: values['display-name'], password, mustChangePassword: false },
    operator,
  );
  process.stdout.write(`created user ${user.username} (id ${user.id}, role ${user.role}${user.level ? `, level ${user.level}` : ''})\n`);
  return 0;
}

async function unitCreate(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { code: { type: 'string' }, name: { type: 'string' }, levels: { type: 'string' } }, strict: true });
  if (!values.code || !values.name) throw new UsageError('unit:create needs --code and --name');
  const levels = values.levels === undefined ? 3 : Number(values.levels);
  if (levels !== 2 && levels !== 3) throw new UsageError('--levels must be 2 or 3');
  // The console's checks and audit record (unit.create), under the operator's name.
  const input = validated(NewUnitSchema, { code: values.code, name: values.name });
  const unit = await unitCreator({ ...input, reviewLevels: levels }, operator);
  process.stdout.write(`created unit ${unit.code} (id ${unit.id}, ${unit.reviewLevels} review levels)\n`);
  return 0;
}

async function auditVerify(): Promise<number> {
  const report = await verifyAuditChain();
  const missing = await missingAuditTriggers();
  if (report.firstBreak) {
    process.stdout.write(`audit log BROKEN at record ${report.firstBreak.id}: ${report.firstBreak.reason} (${report.checked} records before it are intact)\n`);
  } else {
    process.stdout.write(`audit log intact: ${report.checked} records verified\n`);
  }
  if (missing.length) {
    process.stdout.write(
      `audit log NOT PROTECTED: trigger(s) ${missing.join(', ')} missing, so the database no longer refuses UPDATE or DELETE.\n` +
        `Find out who dropped them (database root access), then restore them with: ${RESTORE_COMMAND}\n`,
    );
  }
  return report.firstBreak || missing.length ? 1 : 0;
}

async function auditRestoreTriggers(): Promise<number> {
  const restored = await restoreAuditTriggers();
  if (!restored.length) {
    process.stdout.write('audit log triggers are in place: nothing to restore\n');
    return 0;
  }
  await recordAudit(operator, { eventType: 'audit.triggers_restored', objectType: 'audit_log', objectId: null, outcome: 'success', detail: { restored } });
  process.stdout.write(`restored audit log trigger(s): ${restored.join(', ')}\n`);
  return 0;
}

async function auditPurge(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' } }, strict: true });
  const report = await purgeAuditLog(operator, { dryRun: values['dry-run'] });
  const when = report.cutoff.toISOString();
  process.stdout.write(
    report.dryRun
      ? `${report.removed} audit records are older than ${report.retentionDays} days (before ${when}); nothing removed (dry run)\n`
      : `removed ${report.removed} audit records older than ${report.retentionDays} days (before ${when})${report.anchor ? `; the chain now starts from anchor ${report.anchor}` : ''}\n`,
  );
  return 0;
}

async function backup(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: 'string' }, keep: { type: 'string' } }, strict: true });
  const keep = values.keep === undefined ? 14 : Number(values.keep);
  if (!Number.isInteger(keep) || keep < 1) throw new UsageError(`--keep must be a whole number of at least 1, not "${values.keep}"`);
  const dir = values.dir ?? '/var/backups/gov-review';
  try {
    const report = await backUpDatabase(env().DATABASE_URL, dir, keep);
    const detail = { file: report.file, bytes: report.bytes, removed: report.removed };
    await recordAudit(operator, { eventType: 'backup.create', objectType: 'database', objectId: null, outcome: 'success', detail });
    process.stdout.write(`backup written: ${report.file} (${report.bytes} bytes)${report.removed.length ? `; removed ${report.removed.length} older backup(s)` : ''}\n`);
    return 0;
  } catch (error) {
    const detail = { dir, error: (error as Error).message };
    await recordAudit(operator, { eventType: 'backup.create', objectType: 'database', objectId: null, outcome: 'failure', detail });
    throw error;
  }
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  env();
  // Redis may be down: the commands work on MariaDB and say what they could not do in Redis (a
  // lockout left in place). A Redis that answers in the wrong database would be worse, so that stops here.
  await checkRedis().catch((error: unknown) => {
    if (!(error instanceof RedisUnreachableError)) throw error;
  });
  const applied = await prepareDatabase();
  initModels();
  await reportUnprotectedAuditLog();
  switch (command) {
    case 'user:create':
      return userCreate(args);
    case 'unit:create':
      return unitCreate(args);
    case 'audit:verify':
      return auditVerify();
    case 'audit:purge':
      return auditPurge(args);
    case 'audit:restore-triggers':
      return auditRestoreTriggers();
    case 'user:reset-password':
    case 'user:disable':
    case 'user:enable':
    case 'user:reset-totp':
      return operatorUserCommands[command](args, operator);
    case 'backup':
      return backup(args);
    case 'migrate':
      process.stdout.write(applied.length ? `已应用 ${applied.length} 个迁移，数据库已是最新\n` : '没有需要应用的迁移，数据库已是最新\n');
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${USAGE}`);
    else if (error instanceof HttpError || error instanceof StartupProblem) process.stderr.write(`error: ${error.message}\n`);
    else if (error instanceof TypeError && /Unknown option|unexpected argument/i.test(error.message)) process.stderr.write(`${error.message}\n\n${USAGE}`);
    else process.stderr.write(`error: ${(error as Error).message}\n`);
    return error instanceof UsageError ? 2 : 1;
  })
  .then(async (code) => {
    await closeDatabase().catch(() => undefined);
    await closeRedis().catch(() => undefined);
    process.exit(code);
  });
