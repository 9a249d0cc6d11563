import { Router } from 'express';
import { clearLoginFailures, isLockedOut, recordLoginFailure } from '../../auth/loginThrottle';
import { verifyAgainstDecoy, verifyPassword } from '../../auth/passwords';
import { recordAudit } from '../../audit/auditRecorder';
import { passwordChanger } from '../../commands/passwordChanger';
import { env } from '../../env';
import { locked, unauthorized } from '../../errors';
import { authenticate } from '../../middlewares/authenticate';
import { newCsrfToken } from '../../middlewares/csrf';
import { actorOf } from '../../middlewares/requestContext';
import { validated } from '../../middlewares/validate';
import { User } from '../../models';
import { presentUser } from '../../presenters/presentUser';
import { disconnectSession } from '../../realtime/socketServer';
import { LoginSchema, PasswordChangeSchema } from './schema';

const WRONG_CREDENTIALS = '用户名或密码错误';

function regenerate(req: Parameters<Parameters<Router['post']>[1]>[0]): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
}

export function sessionRoutes(): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const { username, password } = validated(LoginSchema, req.body);
    const attempt = { ...actorOf(req), username };
    if (await isLockedOut(username)) {
      await recordAudit(attempt, { eventType: 'login.locked', objectType: 'user', objectId: username, outcome: 'denied' });
      throw locked(`登录失败次数过多，账户已锁定 ${env().LOGIN_LOCK_MINUTES} 分钟，请稍后再试或联系系统管理员`);
    }
    const user = await User.findOne({ where: { username } });
    const valid = user && user.status === 'active' ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
    if (!user || !valid) {
      const failures = await recordLoginFailure(username);
      await recordAudit(attempt, { eventType: 'login.failure', objectType: 'user', objectId: username, outcome: 'failure', detail: { failures } });
      throw unauthorized(WRONG_CREDENTIALS);
    }
    await clearLoginFailures(username);
    // A new session id at login: a session fixed before login is worth nothing after it.
    await regenerate(req);
    req.session.userId = user.id;
    req.session.signedInAt = Date.now();
    req.session.csrfToken = newCsrfToken();
    await user.update({ lastLoginAt: new Date() });
    req.user = user;
    await recordAudit(actorOf(req), { eventType: 'login.success', objectType: 'user', objectId: user.id, outcome: 'success' });
    res.json({ user: presentUser(user), csrfToken: req.session.csrfToken });
  });

  router.get('/', authenticate, (req, res) => {
    res.json({ user: presentUser(req.user!), csrfToken: req.session.csrfToken });
  });

  router.delete('/', authenticate, async (req, res) => {
    const sessionId = req.sessionID;
    await recordAudit(actorOf(req), { eventType: 'logout', objectType: 'user', objectId: req.user!.id, outcome: 'success' });
    await new Promise<void>((resolve, reject) => req.session.destroy((error) => (error ? reject(error) : resolve())));
    disconnectSession(sessionId);
    res.status(204).end();
  });

  router.put('/password', authenticate, async (req, res) => {
    const input = validated(PasswordChangeSchema, req.body);
    await passwordChanger(req.user!, input.currentPassword, input.newPassword, actorOf(req));
    res.status(204).end();
  });

  return router;
}
