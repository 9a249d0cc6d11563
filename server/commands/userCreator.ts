import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { rememberPassword } from '../auth/passwordHistory';
import { passwordProblems } from '../auth/passwordPolicy';
import { hashPassword } from '../auth/passwords';
import { badRequest, conflict } from '../errors';
import { invisibleNameProblem } from '../lib/visibleText';
import { Unit, User } from '../models';
import { DEFAULT_UNIT_CODE } from '../models/Unit';
import { Role, ROLES } from '../models/User';
import { refuseLevelBeyondUnit } from '../policies/reviewLevels';
import { sequelize } from '../storage/database';

export interface NewUser {
  username: string;
  role: string;
  level?: number | null;
  /** The unit by code (command line) or by id (console); the default unit when neither is given. */
  unitCode?: string | null;
  unitId?: number | null;
  displayName?: string | null;
  password: string;
  /** True for passwords an admin hands out (temporary); false for the user's own. */
  mustChangePassword: boolean;
}

export const MAX_REVIEW_LEVEL = 9;
export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{2,64}$/;

/** The level a role carries: reviewers have one (1..9, default 1), every other role none. */
export function levelFor(role: Role, level: number | null | undefined): number | null {
  if (role === 'reviewer') {
    const value = level ?? 1;
    if (!Number.isInteger(value) || value < 1 || value > MAX_REVIEW_LEVEL) throw badRequest(`审核级别须为 1–${MAX_REVIEW_LEVEL} 的整数`);
    return value;
  }
  if (level !== undefined && level !== null) throw badRequest('只有审核员（reviewer）有审核级别');
  return null;
}

/** Creates an account after checking name, role, level, unit and password policy; audited. */
export async function userCreator(input: NewUser, actor: AuditActor): Promise<User> {
  const username = input.username.trim();
  if (!USERNAME_PATTERN.test(username)) throw badRequest('用户名须为 2–64 个字母、数字或 _ . -');
  if (!ROLES.includes(input.role as Role)) throw badRequest(`未知角色“${input.role}”，可选：${ROLES.join('、')}`);
  const role = input.role as Role;
  const level = levelFor(role, input.level);
  // The console's schema checks this too; the command line comes here directly.
  const nameProblem = input.displayName ? invisibleNameProblem(input.displayName, '姓名') : null;
  if (nameProblem) throw badRequest(nameProblem);
  const problems = passwordProblems(input.password, username);
  if (problems.length) throw badRequest(problems.join('；'));
  const passwordHash = await hashPassword(input.password);

  return sequelize().transaction(async (transaction) => {
    let unit: Unit | null;
    if (input.unitId) {
      unit = await Unit.findByPk(input.unitId, { transaction });
      if (!unit) throw badRequest(`单位 ${input.unitId} 不存在`);
    } else {
      const unitCode = input.unitCode || DEFAULT_UNIT_CODE;
      unit = await Unit.findOne({ where: { code: unitCode }, transaction });
      if (!unit && unitCode === DEFAULT_UNIT_CODE) unit = await Unit.create({ code: unitCode, name: '默认单位' }, { transaction });
      if (!unit) throw badRequest(`单位“${unitCode}”不存在，请先创建该单位`);
    }
    refuseLevelBeyondUnit(level, unit);
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
    await rememberPassword(user.id, passwordHash, transaction);
    await recordAudit(
      actor,
      {
        eventType: 'user.create',
        objectType: 'user',
        objectId: user.id,
        outcome: 'success',
        detail: { username, role, level, unit: unit.code, temporaryPassword: input.mustChangePassword },
      },
      transaction,
    );
    return user;
  });
}
