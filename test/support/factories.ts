import { randomBytes } from 'node:crypto';
import { SYSTEM_ACTOR } from '../../server/audit/auditRecorder';
import { userCreator } from '../../server/commands/userCreator';
import { Account, Unit, User } from '../../server/models';
import { Role } from '../../server/models/User';
import { ApiClient } from './apiClient';

export const PASSWORD = 'Test#2026-review';
export const FIVE_CHECKS = { political: true, legal: true, policy: true, secrecy: true, wording: true };

/** A name no other test has used: the prefix and eight random hex digits. */
export const unique = (prefix: string) => `${prefix}${randomBytes(4).toString('hex')}`;

export async function buildUnit(overrides: Partial<{ code: string; name: string; reviewLevels: number; blockPolicy: 'return' | 'review' }> = {}): Promise<Unit> {
  // Unit names are unique in the product (the inventory import finds a 主办单位 by name): so are the tests'.
  return Unit.create({ code: unique('unit'), name: unique('测试单位'), ...overrides });
}

export async function buildUser(role: Role, options: { unit?: Unit; level?: number; username?: string; mustChangePassword?: boolean } = {}): Promise<User> {
  return userCreator(
    {
      username: options.username ?? unique(role.slice(0, 3)),
      role,
      level: role === 'reviewer' ? options.level ?? 1 : undefined,
      unitCode: options.unit?.code,
      password: PASSWORD,
      mustChangePassword: options.mustChangePassword ?? false,
    },
    SYSTEM_ACTOR,
  );
}

export async function buildAccount(unit: Unit, overrides: Partial<{ name: string; platform: string; status: 'normal' | 'suspended' | 'deregistered' | 'shutdown' }> = {}): Promise<Account> {
  return Account.create({ unitId: unit.id, name: unique('账号'), platform: 'wechat', ...overrides });
}

export async function loggedIn(baseUrl: string, user: User): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const answer = await client.login(user.username, PASSWORD);
  if (answer.status !== 200) throw new Error(`login of ${user.username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return client;
}

/** A unit with an editor and one reviewer per level, all signed in. */
export async function buildReviewTeam(baseUrl: string, levels = 3, blockPolicy?: 'return' | 'review') {
  const unit = await buildUnit({ reviewLevels: levels, ...(blockPolicy ? { blockPolicy } : {}) });
  const editor = await buildUser('editor', { unit });
  const reviewers: User[] = [];
  for (let level = 1; level <= levels; level++) reviewers.push(await buildUser('reviewer', { unit, level }));
  return {
    unit,
    editor,
    reviewers,
    editorClient: await loggedIn(baseUrl, editor),
    reviewerClients: await Promise.all(reviewers.map((r) => loggedIn(baseUrl, r))),
  };
}

export const CLEAN_DRAFT = {
  title: '县人社局发布公开招聘公告',
  body: '<p>县人社局发布2024年公开招聘事业单位工作人员公告，报名时间为3月1日至3月7日。</p>',
  sourceType: 'original' as const,
};
