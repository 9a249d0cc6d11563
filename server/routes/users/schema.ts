import { z } from 'zod';
import { visibleName } from '../visibleName';
import { ROLES } from '../../models/User';
import { USERNAME_PATTERN } from '../../commands/userCreator';

const displayName = z
  .string()
  .trim()
  .max(100, '姓名不能超过 100 个字符')
  .superRefine(visibleName('姓名'));

export const UserListQuerySchema = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  /** Part of the user name or display name. */
  q: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const NewUserSchema = z.strictObject({
  username: z.string().trim().regex(USERNAME_PATTERN, '用户名须为 2–64 个字母、数字或 _ . -'),
  displayName: displayName.nullish(),
  role: z.enum(ROLES, { message: `角色须为 ${ROLES.join('、')} 之一` }),
  level: z.number().int().min(1).max(9).nullish(),
  unitId: z.number().int().positive(),
});

export const UserChangesSchema = z
  .strictObject({
    displayName: displayName.nullish(),
    role: z.enum(ROLES, { message: `角色须为 ${ROLES.join('、')} 之一` }).optional(),
    level: z.number().int().min(1).max(9).nullish(),
    unitId: z.number().int().positive().optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, { message: '没有要修改的内容' });

export const UserStatusSchema = z.strictObject({
  status: z.enum(['active', 'disabled'], { message: '状态须为 active（启用）或 disabled（停用）' }),
});

export const AuthPolicyChangeSchema = z.strictObject({
  totpRequiredForAdmins: z.boolean(),
});
