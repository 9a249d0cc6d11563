import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

/**
 * Operating statuses of the registration form (正常, 暂停, 注销, 关停), and the two states of an
 * opening application before the account is registered: `pending` (待审批) and `refused` (未通过).
 * Only `normal` accounts take drafts and publications.
 */
export const ACCOUNT_STATUSES = ['normal', 'suspended', 'deregistered', 'shutdown', 'pending', 'refused'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  normal: '正常',
  suspended: '暂停',
  deregistered: '注销',
  shutdown: '关停',
  pending: '待审批',
  refused: '未通过',
};
/** The label of a status as the console shows it. */
export function accountStatusLabel(status: string): string {
  return ACCOUNT_STATUS_LABELS[status as AccountStatus] ?? status;
}
/** Statuses of a registered account (those the county's forms list). */
export const REGISTERED_STATUSES = ['normal', 'suspended', 'deregistered', 'shutdown'] as const;
export type RegisteredStatus = (typeof REGISTERED_STATUSES)[number];
/** Statuses from which nothing moves any more. */
export const CLOSED_STATUSES: readonly AccountStatus[] = ['deregistered', 'shutdown', 'refused'];

/** Platform types of the registration form; `wechat` is the undivided WeChat of older records. */
export const PLATFORM_LABELS = {
  weibo: '微博',
  wechat_service: '微信服务号',
  wechat_subscription: '微信订阅号',
  wechat_mini: '微信小程序',
  wechat: '微信',
  weishi: '微视',
  app: '移动客户端（APP）',
  toutiao: '今日头条',
  douyin: '抖音',
  kuaishou: '快手',
  other: '其他',
} as const;
export type Platform = keyof typeof PLATFORM_LABELS;
export const PLATFORMS = Object.keys(PLATFORM_LABELS) as Platform[];

export const OPERATION_MODE_LABELS = { self: '自主运营', purchased: '购买服务' } as const;
export type OperationMode = keyof typeof OPERATION_MODE_LABELS;

/** 整改措施 of the county's inventory (排查及清理整合情况表). */
export const REMEDIAL_MEASURE_LABELS = { keep: '保留', change: '变更', shutdown: '关停', deregister: '注销' } as const;
export type RemedialMeasure = keyof typeof REMEDIAL_MEASURE_LABELS;

export function platformLabel(account: { platform: string; platformOther?: string | null }): string {
  if (account.platform === 'other' && account.platformOther) return account.platformOther;
  return PLATFORM_LABELS[account.platform as Platform] ?? account.platform;
}

/** A registered (备案) new-media account of a unit, with the fields of the county's registration form. */
export class Account extends Model<InferAttributes<Account>, InferCreationAttributes<Account>> {
  declare id: CreationOptional<number>;
  declare unitId: number;
  declare name: string;
  declare platform: string;
  declare platformAccountId: CreationOptional<string | null>;
  declare platformOther: CreationOptional<string | null>;
  declare status: CreationOptional<AccountStatus>;
  /** 创建时间: when the account was created on the platform. */
  declare openedOn: CreationOptional<string | null>;
  declare certified: CreationOptional<boolean>;
  declare certifiedSubject: CreationOptional<string | null>;
  /** Whether it holds an internet news-information-service licence (互联网新闻信息服务许可). */
  declare newsLicence: CreationOptional<boolean>;
  declare newsLicenceNo: CreationOptional<string | null>;
  declare supervisorUnit: CreationOptional<string | null>;
  declare ownerUnit: CreationOptional<string | null>;
  declare ownerLeader: CreationOptional<string | null>;
  declare ownerLeaderTitle: CreationOptional<string | null>;
  declare ownerContact: CreationOptional<string | null>;
  declare operatorUnit: CreationOptional<string | null>;
  declare operatorLeader: CreationOptional<string | null>;
  declare operatorLeaderTitle: CreationOptional<string | null>;
  declare operatorContact: CreationOptional<string | null>;
  declare accessUrl: CreationOptional<string | null>;
  declare description: CreationOptional<string | null>;
  declare openingReason: CreationOptional<string | null>;
  declare ownerOpinion: CreationOptional<string | null>;
  declare supervisorOpinion: CreationOptional<string | null>;
  declare operationStartedOn: CreationOptional<string | null>;
  declare followers: CreationOptional<number | null>;
  declare readCount: CreationOptional<number | null>;
  declare postingFrequency: CreationOptional<string | null>;
  declare operationMode: CreationOptional<OperationMode | null>;
  /** 年度经费预算, in 万元 (DECIMAL: read as a string). */
  declare yearlyBudget: CreationOptional<string | number | null>;
  declare staffCount: CreationOptional<number | null>;
  declare basicFunctions: CreationOptional<string | null>;
  declare remedialMeasure: CreationOptional<RemedialMeasure | null>;
  /** When the account entered the registry as registered (approval, direct registration, import). */
  declare registeredAt: CreationOptional<Date | null>;
  declare mergedIntoAccountId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    const text = (length: number) => ({ type: DataTypes.STRING(length), allowNull: true });
    Account.init(
      {
        id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
        unitId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        name: { type: DataTypes.STRING(100), allowNull: false },
        platform: { type: DataTypes.STRING(32), allowNull: false },
        platformAccountId: text(100),
        platformOther: text(50),
        status: { type: DataTypes.ENUM(...ACCOUNT_STATUSES), allowNull: false, defaultValue: 'normal' },
        openedOn: { type: DataTypes.DATEONLY, allowNull: true },
        certified: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        certifiedSubject: text(200),
        newsLicence: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        newsLicenceNo: text(64),
        supervisorUnit: text(200),
        ownerUnit: text(200),
        ownerLeader: text(50),
        ownerLeaderTitle: text(50),
        ownerContact: text(100),
        operatorUnit: text(200),
        operatorLeader: text(50),
        operatorLeaderTitle: text(50),
        operatorContact: text(100),
        accessUrl: text(500),
        description: { type: DataTypes.TEXT, allowNull: true },
        openingReason: { type: DataTypes.TEXT, allowNull: true },
        ownerOpinion: { type: DataTypes.TEXT, allowNull: true },
        supervisorOpinion: { type: DataTypes.TEXT, allowNull: true },
        operationStartedOn: { type: DataTypes.DATEONLY, allowNull: true },
        followers: { type: DataTypes.BIGINT.UNSIGNED, allowNull: true },
        readCount: { type: DataTypes.BIGINT.UNSIGNED, allowNull: true },
        postingFrequency: text(50),
        operationMode: { type: DataTypes.ENUM('self', 'purchased'), allowNull: true },
        yearlyBudget: { type: DataTypes.DECIMAL(12, 2), allowNull: true },
        staffCount: { type: DataTypes.SMALLINT.UNSIGNED, allowNull: true },
        basicFunctions: text(500),
        remedialMeasure: { type: DataTypes.ENUM('keep', 'change', 'shutdown', 'deregister'), allowNull: true },
        registeredAt: { type: DataTypes.DATE(3), allowNull: true },
        mergedIntoAccountId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'accounts' },
    );
  }
}
