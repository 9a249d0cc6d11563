import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

export const ACCOUNT_STATUSES = ['normal', 'suspended', 'deregistered', 'shutdown'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  normal: '正常',
  suspended: '暂停',
  deregistered: '注销',
  shutdown: '关停',
};

/** A registered (备案) new-media account of a unit; drafts are written for accounts. */
export class Account extends Model<InferAttributes<Account>, InferCreationAttributes<Account>> {
  declare id: CreationOptional<number>;
  declare unitId: number;
  declare name: string;
  declare platform: string;
  declare platformAccountId: CreationOptional<string | null>;
  declare status: CreationOptional<AccountStatus>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Account.init(
      {
        id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
        unitId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        name: { type: DataTypes.STRING(100), allowNull: false },
        platform: { type: DataTypes.STRING(32), allowNull: false },
        platformAccountId: { type: DataTypes.STRING(100), allowNull: true },
        status: { type: DataTypes.ENUM(...ACCOUNT_STATUSES), allowNull: false, defaultValue: 'normal' },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'accounts' },
    );
  }
}
