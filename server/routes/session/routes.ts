import { Request, Router } from 'express';
import { attemptedName } from '../../auth/attemptedName';
import { passwordPolicy } from '../../auth/passwordPolicy';
import { clearLoginFailures, isLockedOut, recordLoginFailure } from '../../auth/loginThrottle';
import { verifyAgainstDecoy, verifyPassword } from '../../auth/passwords';
import { pendingStep } from '../../auth/sessionChecks';
import { dropOtherConnections } from '../../auth/signOutEverywhere';
import { spendTotpCode, totpUri } from '../../auth/totp';
import { recordAudit } from '../../audit/auditRecorder';
import { passwordChanger } from '../../commands/passwordChanger';
import { totpEnroller } from '../../commands/totpEnroller';
import { totpEnrolmentStarter } from '../../commands/totpEnrolmentStarter';
import { totpRemover } from '../../commands/totpRemover';
import { USERNAME_PATTERN } from '../../commands/userCreator';
import { env } from '../../env';
import { badRequest, HttpError, locked, unauthorized } from '../../errors';
import { authenticate } from '../../middlewares/authenticate';
import { newCsrfToken } from '../../middlewares/csrf';
import { rateLimits } from '../../middlewares/rateLimits';
import { actorOf } from '../../middlewares/requestContext';
import { validated } from '../../middlewares/validate';
import { User } from '../../models';
import { presentUser } from '../../presenters/presentUser';
import { disconnectSession } from '../../realtime/socketServer';
import { sequelize } from '../../storage/database';
import { LoginSchema, PasswordChangeSchema, TotpConfirmSchema, TotpDisableSchema, TotpStartSchema } from './schema';

const WRONG_CREDENTIALS = '用户名或密码错误';
/** Here a code is the authenticator's, not a unit's. */
const TOTP_LABELS = { code: '动态口令' };

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
}

function save(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((error) => (error ? reject(error) : resolve())));
}

function destroy(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.destroy((error) => (error ? reject(error) : resolve())));
}

/** What the console needs after login or on reload: who, the CSRF token, and a step that must come first. */
async function sessionAnswer(req: Request) {
  const user = req.user!;
  return { user: presentUser(user), csrfToken: req.session.csrfToken, pendingStep: await pendingStep(user) };
}

/** Counts a failed login (lockout) and audits it, without revealing which factor or whether the name exists. */
async function loginFailed(req: Request, typed: string, user: User | null, reason: string): Promise<never> {
  const failures = await recordLoginFailure(throttledName(typed, user));
  const name = await attemptedName(typed, Boolean(user));
  await recordAudit(
    { ...actorOf(req), userId: user?.id ?? null, username: name, role: user?.role ?? null },
    { eventType: 'login.failure', objectType: 'user', objectId: user?.id ?? name, outcome: 'failure', detail: { reason, failures } },
  );
  throw unauthorized(reason === 'totp' ? '动态口令不正确' : WRONG_CREDENTIALS);
}

/**
 * The name failures are counted under: the account's own name when the typed one found an
 * account. The column's collation matches look-alikes (full-width letters, zero-width or combining
 * characters), and each spelling must not get a count of its own.
 */
function throttledName(typed: string, user: User | null): string {
  return user?.username ?? typed;
}

/** The account a login names: none for a name no account can have (see USERNAME_PATTERN). */
async function accountNamed(username: string): Promise<User | null> {
  return USERNAME_PATTERN.test(username) ? User.findOne({ where: { username } }) : null;
}

/**
 * Runs a command that checks the current password; when too many wrong ones locked the account
 * (423), this session ends too, with its sockets: it may have been taken over.
 */
async function endedIfLocked<T>(req: Request, command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (error) {
    if (error instanceof HttpError && error.status === 423) {
      const sessionId = req.sessionID;
      await destroy(req);
      disconnectSession(sessionId);
    }
    throw error;
  }
}

export function sessionRoutes(): Router {
  const router = Router();

  router.post('/', rateLimits().login, async (req, res) => {
    const { username, password, totp } = validated(LoginSchema, req.body);
    const user = await accountNamed(username);
    const throttled = throttledName(username, user);
    if (await isLockedOut(throttled)) {
      const name = await attemptedName(username, Boolean(user));
      await recordAudit({ ...actorOf(req), userId: user?.id ?? null, username: name }, { eventType: 'login.locked', objectType: 'user', objectId: user?.id ?? name, outcome: 'denied' });
      throw locked(`登录失败次数过多，账户已锁定 ${env().LOGIN_LOCK_MINUTES} 分钟，请稍后再试或联系系统管理员`);
    }
    const valid = user && user.status === 'active' ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
    if (!user || !valid) return loginFailed(req, username, user, user && user.status !== 'active' ? 'disabled' : 'password');
    if (user.totpSecret) {
      // The password was right: ask for the second factor without counting a failure.
      if (!totp) throw new HttpError(401, 'totp_required', '请输入身份验证器显示的 6 位动态口令');
      if (!(await spendTotpCode(user.id, user.totpSecret, totp, user.totpLastStep))) return loginFailed(req, username, user, 'totp');
    }
    await clearLoginFailures(throttled);
    // A new session id at login: a session fixed before login is worth nothing after it. The
    // session is filled only once the login is on record: no audit record, no login.
    const replaced = req.session.userId ? req.sessionID : undefined;
    await regenerate(req);
    // A session replaced by this login is gone, and so are its sockets.
    if (replaced) disconnectSession(replaced);
    req.user = user;
    await sequelize().transaction(async (transaction) => {
      // silent: a login is not a change to the account, and must not make an admin's open edit form stale.
      await user.update({ lastLoginAt: new Date() }, { transaction, silent: true });
      await recordAudit(actorOf(req), { eventType: 'login.success', objectType: 'user', objectId: user.id, outcome: 'success', detail: { secondFactor: Boolean(user.totpSecret) } }, transaction);
    });
    req.session.userId = user.id;
    req.session.signedInAt = Date.now();
    req.session.credentialsAt = user.passwordChangedAt.getTime();
    req.session.csrfToken = newCsrfToken();
    res.json(await sessionAnswer(req));
  });

  router.get('/', authenticate, async (req, res) => {
    res.json(await sessionAnswer(req));
  });

  router.delete('/', authenticate, async (req, res) => {
    const sessionId = req.sessionID;
    await recordAudit(actorOf(req), { eventType: 'logout', objectType: 'user', objectId: req.user!.id, outcome: 'success' });
    await destroy(req);
    disconnectSession(sessionId);
    res.status(204).end();
  });

  /** The rules a new password must meet, for the page that asks for one (also while the change is pending). */
  router.get('/password', authenticate, (_req, res) => {
    res.json(passwordPolicy());
  });

  router.put('/password', authenticate, async (req, res) => {
    const input = validated(PasswordChangeSchema, req.body);
    // This session carries on. It is stored with the new time before the change commits: a parallel
    // request or the re-check of live sockets (socketSessionSweeper) must not take it for ended.
    await endedIfLocked(req, () =>
      passwordChanger(req.user!, input.currentPassword, input.newPassword, actorOf(req), async (changedAt) => {
        req.session.credentialsAt = changedAt.getTime();
        await save(req);
      }),
    );
    // Every other session of the account ends at its next request, its sockets now.
    dropOtherConnections(req.user!.id, req.sessionID);
    res.status(204).end();
  });

  /** Enrolment, step 1: the current password, then a new secret to scan, kept in the session until a code confirms it. */
  router.post('/totp', authenticate, async (req, res) => {
    const { currentPassword } = validated(TotpStartSchema, req.body);
    const secret = await endedIfLocked(req, () => totpEnrolmentStarter(req.user!, currentPassword, actorOf(req)));
    req.session.totpPending = secret;
    res.set('Cache-Control', 'no-store').json({ secret, otpauthUri: totpUri(req.user!.username, secret) });
  });

  /** Enrolment, step 2: a current code from the authenticator turns the second factor on. */
  router.put('/totp', authenticate, async (req, res) => {
    const { code } = validated(TotpConfirmSchema, req.body, TOTP_LABELS);
    const secret = req.session.totpPending;
    if (!secret) throw badRequest('请先开始绑定身份验证器（POST /api/session/totp）');
    await totpEnroller(req.user!, secret, code, actorOf(req));
    delete req.session.totpPending;
    res.status(204).end();
  });

  router.delete('/totp', authenticate, async (req, res) => {
    const input = validated(TotpDisableSchema, req.body, TOTP_LABELS);
    await endedIfLocked(req, () => totpRemover(req.user!, input.currentPassword, input.code, actorOf(req)));
    res.status(204).end();
  });

  return router;
}
