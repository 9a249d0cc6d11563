import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

export const LIFECYCLE_KINDS = ['opening', 'approval', 'refusal', 'registration', 'suspension', 'resumption', 'deregistration', 'shutdown'] as const;
export type LifecycleKind = (typeof LIFECYCLE_KINDS)[number];
export const LIFECYCLE_LABELS: Record<LifecycleKind, string> = {
  opening: '开设申请',
  approval: '审批通过',
  refusal: '审批未通过',
  registration: '直接备案',
  suspension: '暂停',
  resumption: '恢复正常',
  deregistration: '注销',
  shutdown: '关停',
};

/** A step in an account's life: who did it, from which status to which, why, with what opinion. */
export class AccountLifecycleRecord extends Model<InferAttributes<AccountLifecycleRecord>, InferCreationAttributes<AccountLifecycleRecord>> {
  declare id: CreationOptional<number>;
  declare accountId: number;
  declare kind: LifecycleKind;
  declare fromStatus: string | null;
  declare toStatus: string;
  declare reason: string | null;
  /** The opinion of the 主办单位 (opening) or of the 主管单位 (approval, refusal). */
  declare opinion: string | null;
  /** For closing: the publication of the closing notice (停更公告) it rests on. */
  declare publicationId: number | null;
  declare mergedIntoAccountId: number | null;
  declare actorId: number | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    AccountLifecycleRecord.init(
      {
        id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
        accountId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        kind: { type: DataTypes.ENUM(...LIFECYCLE_KINDS), allowNull: false },
        fromStatus: { type: DataTypes.STRING(16), allowNull: true },
        toStatus: { type: DataTypes.STRING(16), allowNull: false },
        reason: { type: DataTypes.TEXT, allowNull: true },
        opinion: { type: DataTypes.TEXT, allowNull: true },
        publicationId: { type: DataTypes.BIGINT.UNSIGNED, allowNull: true },
        mergedIntoAccountId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
        actorId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'account_lifecycle', updatedAt: false },
    );
  }
}
