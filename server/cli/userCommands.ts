import { parseArgs } from 'node:util';
import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { LockoutLift } from '../auth/loginThrottle';
import { passwordResetter } from '../commands/passwordResetter';
import { userStatusChanger } from '../commands/userStatusChanger';
import { badRequest, conflict } from '../errors';
import { env } from '../env';
import { User } from '../models';
import { sequelize } from '../storage/database';
import { redisMismatchWithServer } from '../storage/serverRedisSettings';
import { readPasswordFromStdin } from './readStdin';

/**
 * The operator's account commands on the server. They reach every account, the three admin
 * accounts included, which the console deliberately cannot touch (三员分立). Each is audited
 * under the operator's name.
 */
async function accountNamed(args: string[], extra: Record<string, { type: 'boolean' }> = {}) {
  const { values } = parseArgs({ args, options: { username: { type: 'string' }, ...extra }, strict: true });
  if (!values.username) throw badRequest('--username NAME is required');
  const user = await User.findOne({ where: { username: values.username } });
  if (!user) throw badRequest(`no account named "${values.username}"`);
  return { user, values: values as Record<string, unknown> };
}

/**
 * The account change is committed whether or not the lockout is lifted, so a lockout left in place is
 * reported with the way to lift it, and the command exits 1 so that a script notices.
 */
function lockoutOutcome(username: string, lockout: LockoutLift | undefined): number {
  if (!lockout || lockout.lifted) return 0;
  process.stderr.write(
    `error: the login lockout of ${username} could NOT be lifted: Redis is not reachable (${lockout.reason}).\n` +
      `The change above is saved. Once Redis is back, lift the lockout with: npm run --silent admin -- user:enable --username ${username}\n` +
      `(or: redis-cli DEL ${lockout.key}); otherwise it ends by itself within ${env().LOGIN_LOCK_MINUTES} minutes of the last failed login.\n`,
  );
  return 1;
}

/**
 * Lifting a lockout under another Redis prefix or URL than the server's would clear a counter the
 * server never reads: refused before anything changes, so that the command can simply be run again.
 */
async function refuseOtherRedis(): Promise<void> {
  const mismatch = await redisMismatchWithServer();
  if (mismatch) throw conflict(`${mismatch}（账户未作任何更改）`);
}

export const operatorUserCommands: Record<string, (args: string[], operator: AuditActor) => Promise<number>> = {
  async 'user:reset-password'(args, operator) {
    const { user, values } = await accountNamed(args, { 'password-stdin': { type: 'boolean' } });
    await refuseOtherRedis();
    const given = values['password-stdin'] ? await readPasswordFromStdin() : undefined;
    const reset = await passwordResetter(null, user.id, operator, given);
    process.stdout.write(
      given
        ? `password of ${user.username} reset; it must be changed at first login\n`
        : `temporary password of ${user.username}: ${reset.temporaryPassword}\n(it must be changed at first login)\n`,
    );
    return lockoutOutcome(user.username, reset.lockout);
  },
  async 'user:disable'(args, operator) {
    const { user } = await accountNamed(args);
    await userStatusChanger(null, user.id, 'disabled', operator);
    process.stdout.write(`disabled ${user.username}\n`);
    return 0;
  },
  async 'user:enable'(args, operator) {
    const { user } = await accountNamed(args);
    await refuseOtherRedis();
    const change = await userStatusChanger(null, user.id, 'active', operator);
    process.stdout.write(`enabled ${user.username}\n`);
    return lockoutOutcome(user.username, change.lockout);
  },
  async 'user:reset-totp'(args, operator) {
    const { user } = await accountNamed(args);
    const removed = await sequelize().transaction(async (transaction) => {
      const locked = await User.findByPk(user.id, { transaction, lock: transaction.LOCK.UPDATE });
      // Nothing to remove is no action: no record, and no claim that a second factor was removed.
      if (!locked?.totpSecret) return false;
      await locked.update({ totpSecret: null, totpLastStep: null }, { transaction });
      await recordAudit(operator, { eventType: 'totp.reset', objectType: 'user', objectId: user.id, outcome: 'success', detail: { username: user.username } }, transaction);
      return true;
    });
    process.stdout.write(
      removed
        ? `second factor of ${user.username} removed; they enrol again at their next login if it is required\n`
        : `${user.username}：该用户没有绑定动态口令，无需重置\n`,
    );
    return 0;
  },
};
