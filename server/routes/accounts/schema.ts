import { z } from 'zod';
import { visibleName } from '../visibleName';
import { countyDate, isDateString } from '../../lib/countyDate';
import { now } from '../../lib/clock';
import { CHANGE_KINDS } from '../../models/AccountChange';
import { ACCOUNT_STATUSES, PLATFORMS } from '../../models/Account';

/** Absent stays absent (a PATCH leaves it alone); present-but-empty becomes null. */
function keepAbsent<T, R>(normalise: (value: T) => R) {
  return (value: T | undefined): R | undefined => (value === undefined ? undefined : normalise(value));
}

/** Optional text: trimmed, empty becomes null. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过 ${max} 个字符`)
    .nullish()
    .transform(keepAbsent((value) => (value ? value : null)));

/** A day that has happened (an account's creation or its start of operation): not after today in the county. */
const pastDate = z
  .string()
  .refine(isDateString, { message: '须为 YYYY-MM-DD 格式的日期' })
  .refine((value) => value <= countyDate(now()), { message: '不能晚于今天' })
  .nullish()
  .transform(keepAbsent((value) => value ?? null));

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullish().transform(keepAbsent((v) => v ?? null));

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => value === '' || /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value), { message: '需要以 http:// 或 https:// 开头的完整网址' })
  .nullish()
  .transform(keepAbsent((value) => (value ? value : null)));

export const TeamMemberSchema = z.strictObject({
  name: z.string().trim().min(1, '姓名不能为空').max(50).superRefine(visibleName('姓名')),
  unit: text(200),
  post: text(100),
  officePhone: text(50),
  mobile: z
    .string()
    .trim()
    .refine((value) => value === '' || /^1\d{10}$/.test(value), { message: '手机号须为 11 位数字' })
    .nullish()
    .transform(keepAbsent((value) => (value ? value : null))),
  qq: z
    .string()
    .trim()
    .refine((value) => value === '' || /^\d{5,12}$/.test(value), { message: 'QQ 号须为 5–12 位数字' })
    .nullish()
    .transform(keepAbsent((value) => (value ? value : null))),
  wechat: text(50),
});
export type TeamMemberInput = z.infer<typeof TeamMemberSchema>;
export const TeamSchema = z.array(TeamMemberSchema).max(50, '管理团队最多 50 人');

export interface MenuInput {
  name: string;
  note?: string | null;
  children?: MenuInput[];
}
const MenuItemSchema: z.ZodType<MenuInput> = z.lazy(() =>
  z.strictObject({
    name: z.string().trim().min(1, '菜单名称不能为空').max(60),
    note: z.string().trim().max(500).nullish(),
    children: z.array(MenuItemSchema).max(20, '每级菜单最多 20 项').optional(),
  }),
);
export const MenusSchema = z.strictObject({
  items: z.array(MenuItemSchema).max(20, '每级菜单最多 20 项'),
});

/** The fields anyone who may edit an account may change at any time (no change record needed). */
const plainFields = {
  platformOther: text(50),
  openedOn: pastDate,
  certified: z.boolean().optional(),
  certifiedSubject: text(200),
  newsLicence: z.boolean().optional(),
  newsLicenceNo: text(64),
  supervisorUnit: text(200),
  ownerUnit: text(200),
  ownerLeader: text(50),
  ownerLeaderTitle: text(50),
  ownerContact: text(100),
  accessUrl: httpUrl,
  description: text(5000),
  openingReason: text(2000),
  ownerOpinion: text(2000),
  operationStartedOn: pastDate,
  followers: count,
  readCount: count,
  postingFrequency: text(50),
  operationMode: z.enum(['self', 'purchased']).nullish().transform(keepAbsent((v) => v ?? null)),
  yearlyBudget: z.number().min(0).max(9_999_999_999).nullish().transform(keepAbsent((v) => v ?? null)),
  staffCount: z.number().int().min(0).max(65535).nullish().transform(keepAbsent((v) => v ?? null)),
  basicFunctions: text(500),
  remedialMeasure: z.enum(['keep', 'change', 'shutdown', 'deregister']).nullish().transform(keepAbsent((v) => v ?? null)),
};

/** Fields that, once an account is registered, change only through a change record (变更备案). */
const controlledFields = {
  name: z.string().trim().min(1, '账号名称不能为空').max(100).superRefine(visibleName('账号名称')),
  platformAccountId: text(100),
  operatorUnit: text(200),
  operatorLeader: text(50),
  operatorLeaderTitle: text(50),
  operatorContact: text(100),
};
export const CONTROLLED_FIELDS = [...Object.keys(controlledFields), 'team', 'platform'] as const;

// Enums without a message of their own: the error lists their choices by their Chinese names (fromZod).
const platform = z.enum(PLATFORMS);

/** The registration form as a unit files it with its opening application (开设申请). */
export const ApplicationSchema = z.strictObject({
  ...plainFields,
  ...controlledFields,
  platform,
  ownerUnit: z.string().trim().min(1, '主办单位不能为空').max(200),
  openingReason: z.string().trim().min(2, '须填写开设理由').max(2000),
  team: TeamSchema.optional(),
  menus: MenusSchema.shape.items.optional(),
});
export type ApplicationInput = z.infer<typeof ApplicationSchema>;

/** The registration form as the county office enters an account it registers directly. */
export const RegistrationSchema = ApplicationSchema.extend({
  unitId: z.number().int().positive(),
  openingReason: text(2000),
  status: z.enum(['normal', 'suspended']).default('normal'),
});
export type RegistrationInput = z.infer<typeof RegistrationSchema>;

/** A plain update. Controlled fields are accepted only while the application is pending. */
export const AccountUpdateSchema = z.strictObject({
  ...plainFields,
  name: controlledFields.name.optional(),
  platform: platform.optional(),
  platformAccountId: controlledFields.platformAccountId,
  operatorUnit: controlledFields.operatorUnit,
  operatorLeader: controlledFields.operatorLeader,
  operatorLeaderTitle: controlledFields.operatorLeaderTitle,
  operatorContact: controlledFields.operatorContact,
  team: TeamSchema.optional(),
});
export type AccountUpdateInput = z.infer<typeof AccountUpdateSchema>;

export const ApprovalSchema = z.strictObject({
  decision: z.enum(['approve', 'refuse']),
  opinion: z.string().trim().max(2000).default(''),
});

export const StatusChangeSchema = z.strictObject({
  status: z.enum(['normal', 'suspended', 'deregistered', 'shutdown']),
  reason: z.string().trim().min(2, '须填写理由').max(2000),
  mergedIntoAccountId: z.number().int().positive().nullish(),
});

/** The new values a change record files. */
export const ChangeValuesSchema = z
  .strictObject({
    name: controlledFields.name.optional(),
    platformAccountId: z.string().trim().min(1).max(100).optional(),
    operatorUnit: controlledFields.operatorUnit.optional(),
    operatorLeader: controlledFields.operatorLeader.optional(),
    operatorLeaderTitle: controlledFields.operatorLeaderTitle.optional(),
    operatorContact: controlledFields.operatorContact.optional(),
    team: TeamSchema.min(1, '管理团队至少 1 人').optional(),
  })
  .refine((values) => Object.values(values).some((v) => v !== undefined), { message: '须至少变更一项' });
export type ChangeValues = z.infer<typeof ChangeValuesSchema>;

export const ChangeReportSchema = z.strictObject({
  changedOn: z.string().refine(isDateString, { message: '须为 YYYY-MM-DD 格式的日期' }),
  kinds: z.array(z.enum(CHANGE_KINDS)).min(1).max(4).optional(),
  reason: z.string().trim().max(2000).default(''),
  ownerOpinion: text(2000),
  changes: ChangeValuesSchema.optional(),
});
export type ChangeReportInput = z.infer<typeof ChangeReportSchema>;

export const ChangeFilingSchema = z.strictObject({
  changes: ChangeValuesSchema,
  reason: z.string().trim().max(2000).optional(),
  ownerOpinion: text(2000),
});
export type ChangeFilingInput = z.infer<typeof ChangeFilingSchema>;

export const QrCodeSchema = z.strictObject({
  image: z.string().max(400_000, '二维码图片不能超过 256 KB').nullable(),
});

export const AccountListQuerySchema = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  platform: z.enum(PLATFORMS).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const ChangeListQuerySchema = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  state: z.enum(['pending', 'filed']).optional(),
  overdue: z.enum(['1', 'true', '0', 'false']).transform((v) => v === '1' || v === 'true').optional(),
});

export const CalendarSchema = z.strictObject({
  days: z
    .array(
      z.strictObject({
        date: z.string().refine(isDateString, { message: '须为 YYYY-MM-DD 格式的日期' }),
        working: z.boolean(),
        note: z.string().trim().max(100).nullish(),
      }),
    )
    .max(366),
});

export const YearParam = z.coerce.number().int().min(2000).max(2100);

export const ImportQuerySchema = z.strictObject({
  dryRun: z.enum(['1', 'true', '0', 'false']).transform((v) => v === '1' || v === 'true').optional(),
});
