import { Router } from 'express';
import { Op, WhereOptions } from 'sequelize';
import { passwordPolicy } from '../../auth/passwordPolicy';
import { totpRequiredForAdmins } from '../../auth/totpRequirement';
import { passwordResetter } from '../../commands/passwordResetter';
import { totpPolicyChanger } from '../../commands/totpPolicyChanger';
import { userCreator } from '../../commands/userCreator';
import { userStatusChanger } from '../../commands/userStatusChanger';
import { userUpdater } from '../../commands/userUpdater';
import { temporaryPassword } from '../../auth/temporaryPassword';
import { forbidden, notFound } from '../../errors';
import { rolesOnly } from '../../middlewares/authenticate';
import { actorOf } from '../../middlewares/requestContext';
import { idParam, validated } from '../../middlewares/validate';
import { User } from '../../models';
import { roleAssignmentRefusal } from '../../policies/accountPolicy';
import { presentUser } from '../../presenters/presentUser';
import { EmptySchema } from '../session/schema';
import { splitExpectedUpdatedAt } from '../expectedUpdatedAt';
import { AuthPolicyChangeSchema, NewUserSchema, UserChangesSchema, UserListQuerySchema, UserStatusSchema } from './schema';

function userId(raw: unknown): number {
  const id = idParam.safeParse(raw);
  if (!id.success) throw notFound('找不到该用户');
  return id.data;
}

async function authPolicy() {
  return { password: passwordPolicy(), totpRequiredForAdmins: await totpRequiredForAdmins({ fresh: true }) };
}

/** The system admin's accounts: editors and reviewers are managed here; every admin account is listed but not changed. */
export function userRoutes(): Router {
  const router = Router();
  router.use(rolesOnly(['sysadmin'], '只有系统管理员可以管理用户账户'));

  router.get('/', async (req, res) => {
    const query = validated(UserListQuerySchema, req.query);
    const where: WhereOptions<User> = {
      ...(query.unitId ? { unitId: query.unitId } : {}),
      ...(query.role ? { role: query.role } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.q ? { [Op.or]: [{ username: { [Op.substring]: query.q } }, { displayName: { [Op.substring]: query.q } }] } : {}),
    };
    // Newest first: the account a system admin just created (or is about to act on) is on the first page.
    const { rows, count } = await User.findAndCountAll({ where, order: [['id', 'DESC']], limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
    res.json({ items: rows.map(presentUser), total: count, page: query.page, pageSize: query.pageSize });
  });

  router.post('/', async (req, res) => {
    const input = validated(NewUserSchema, req.body);
    const refusal = roleAssignmentRefusal(input.role);
    if (refusal) throw forbidden(refusal);
    const password = temporaryPassword();
    const user = await userCreator({ ...input, password, mustChangePassword: true }, actorOf(req));
    res.status(201).set('Cache-Control', 'no-store').json({ user: presentUser(user), temporaryPassword: password });
  });

  router.get('/policy', async (_req, res) => {
    res.json(await authPolicy());
  });

  router.put('/policy', async (req, res) => {
    const input = validated(AuthPolicyChangeSchema, req.body);
    await totpPolicyChanger(req.user!, input.totpRequiredForAdmins, actorOf(req));
    res.json(await authPolicy());
  });

  router.get('/:id', async (req, res) => {
    const user = await User.findByPk(userId(req.params.id));
    if (!user) throw notFound('找不到该用户');
    res.json(presentUser(user));
  });

  router.put('/:id', async (req, res) => {
    const id = userId(req.params.id);
    const { expectedUpdatedAt, fields } = splitExpectedUpdatedAt(req.body);
    const changes = validated(UserChangesSchema, fields);
    res.json(presentUser(await userUpdater(req.user!, id, changes, actorOf(req), expectedUpdatedAt)));
  });

  router.put('/:id/status', async (req, res) => {
    const id = userId(req.params.id);
    const { status } = validated(UserStatusSchema, req.body);
    const change = await userStatusChanger(req.user!, id, status, actorOf(req));
    // Enabling also lifts a login lockout; say so when Redis could not (the change is saved either way).
    res.json({ ...presentUser(change.user), ...(change.lockout ? { lockoutLifted: change.lockout.lifted } : {}) });
  });

  router.post('/:id/password-reset', async (req, res) => {
    const id = userId(req.params.id);
    validated(EmptySchema, req.body);
    const reset = await passwordResetter(req.user!, id, actorOf(req));
    res.set('Cache-Control', 'no-store').json({ user: presentUser(reset.user), temporaryPassword: reset.temporaryPassword, lockoutLifted: reset.lockout.lifted });
  });

  return router;
}
