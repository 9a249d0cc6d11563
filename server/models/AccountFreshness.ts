import { DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

export const FRESHNESS_LEVELS = ['ok', 'warning', 'alert', 'overdue'] as const;
export type FreshnessLevel = (typeof FRESHNESS_LEVELS)[number];
export const FRESHNESS_LEVEL_LABELS: Record<FreshnessLevel, string> = {
  ok: '正常更新',
  warning: '预警',
  alert: '告警',
  overdue: '超期未更新',
};

/** The freshness level last announced for an account (see CheckFreshnessTask). */
export class AccountFreshness extends Model<InferAttributes<AccountFreshness>, InferCreationAttributes<AccountFreshness>> {
  declare accountId: number;
  declare level: FreshnessLevel;
  declare days: number;
  declare checkedAt: Date;

  static initModel(sequelize: Sequelize): void {
    AccountFreshness.init(
      {
        accountId: { type: DataTypes.INTEGER.UNSIGNED, primaryKey: true },
        level: { type: DataTypes.ENUM(...FRESHNESS_LEVELS), allowNull: false },
        days: { type: DataTypes.INTEGER, allowNull: false },
        checkedAt: { type: DataTypes.DATE(3), allowNull: false },
      },
      { sequelize, tableName: 'account_freshness', timestamps: false },
    );
  }
}
