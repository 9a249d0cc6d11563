import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { hashPassword, passwordProblems } from '../auth/passwords';
import { badRequest, conflict } from '../errors';
import { Unit, User } from '../models';
import { DEFAULT_UNIT_CODE } from '../models/Unit';
import { Role, ROLES } from '../models/User';
import { sequelize } from '../storage/database';

export interface NewUser {
  username: string;
  role: string;
  level?: number | null;
  unitCode?: string | null;
  displayName?: string | null;
  password: string;
  /** True for passwords an admin hands out (temporary); false for the user's own. */
  mustChangePassword: boolean;
}

export const MAX_REVIEW_LEVEL = 9;

/** Creates an account after checking name, role, level, unit and password policy; audited. */
export async function userCreator(input: NewUser, actor: AuditActor): Promise<User> {
  const username = input.username.trim();
  if (!/^[A-Za-z0-9_.-]{2,64}$/.test(username)) throw badRequest('用户名须为 2–64 个字母、数字或 _ . -');
  if (!ROLES.includes(input.role as Role)) throw badRequest(`未知角色“${input.role}”，可选：${ROLES.join('、')}`);
  const role = input.role as Role;
  let level: number | null = null;
  if (role === 'reviewer') {
    level = input.level ?? 1;
    if (!Number.isInteger(level) || level < 1 || level > MAX_REVIEW_LEVEL) throw badRequest(`审核级别须为 1–${MAX_REVIEW_LEVEL} 的整数`);
  } else if (input.level !== undefined && input.level !== null) {
    throw badRequest('只有审核员（reviewer）有审核级别');
  }
  const problems = passwordProblems(input.password, username);
  if (problems.length) throw badRequest(problems.join('；'));
  const passwordHash = await hashPassword(input.password);

  return sequelize().transaction(async (transaction) => {
    const unitCode = input.unitCode || DEFAULT_UNIT_CODE;
    let unit = await Unit.findOne({ where: { code: unitCode }, transaction });
    if (!unit && unitCode === DEFAULT_UNIT_CODE) unit = await Unit.create({ code: unitCode, name: '默认单位' }, { transaction });
    if (!unit) throw badRequest(`单位“${unitCode}”不存在，请先创建该单位`);
    if (await User.findOne({ where: { username }, transaction })) throw conflict(`用户名“${username}”已存在`);
    const user = await User.create(
      {
        username,
        displayName: input.displayName ?? null,
        passwordHash,
        role,
        level,
        unitId: unit.id,
        mustChangePassword: input.mustChangePassword,
        passwordChangedAt: new Date(),
      },
      { transaction },
    );
    await recordAudit(actor, { eventType: 'user.create', objectType: 'user', objectId: user.id, outcome: 'success', detail: { username, role, level, unit: unit.code } }, transaction);
    return user;
  });
}
