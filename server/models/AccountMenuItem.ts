import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

/** One entry of an account's menu (WeChat accounts and apps): three levels, each with a note. */
export class AccountMenuItem extends Model<InferAttributes<AccountMenuItem>, InferCreationAttributes<AccountMenuItem>> {
  declare id: CreationOptional<number>;
  declare accountId: number;
  declare parentId: number | null;
  declare level: number;
  /** Order among all entries of the account, depth first (a menu reads top to bottom). */
  declare position: number;
  declare name: string;
  declare note: string | null;

  static initModel(sequelize: Sequelize): void {
    AccountMenuItem.init(
      {
        id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
        accountId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        parentId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
        level: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false },
        position: { type: DataTypes.SMALLINT.UNSIGNED, allowNull: false },
        name: { type: DataTypes.STRING(60), allowNull: false },
        note: { type: DataTypes.STRING(500), allowNull: true },
      },
      { sequelize, tableName: 'account_menu_items', timestamps: false },
    );
  }
}
