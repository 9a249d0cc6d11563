import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

/** 互动回应 figures of an account for one month, entered by hand: messages received and answered. */
export class AccountInteraction extends Model<InferAttributes<AccountInteraction>, InferCreationAttributes<AccountInteraction>> {
  declare accountId: number;
  /** 'YYYY-MM'. */
  declare period: string;
  declare received: number;
  declare answered: number;
  /** Answered, but later than the county's time limit. */
  declare answeredLate: number;
  declare note: string | null;
  declare updatedBy: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    AccountInteraction.init(
      {
        accountId: { type: DataTypes.INTEGER.UNSIGNED, primaryKey: true },
        period: { type: DataTypes.CHAR(7), primaryKey: true },
        received: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        answered: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        answeredLate: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false, defaultValue: 0 },
        note: { type: DataTypes.STRING(500), allowNull: true },
        updatedBy: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'account_interactions' },
    );
  }
}
