import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

/** A member of an account's management team (管理团队), in the order the form lists them. */
export class AccountTeamMember extends Model<InferAttributes<AccountTeamMember>, InferCreationAttributes<AccountTeamMember>> {
  declare id: CreationOptional<number>;
  declare accountId: number;
  declare position: number;
  declare name: string;
  /** 单位 and 职务 of the member. */
  declare unit: string | null;
  declare post: string | null;
  declare officePhone: string | null;
  declare mobile: string | null;
  declare qq: string | null;
  declare wechat: string | null;

  static initModel(sequelize: Sequelize): void {
    AccountTeamMember.init(
      {
        id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
        accountId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        position: { type: DataTypes.SMALLINT.UNSIGNED, allowNull: false },
        name: { type: DataTypes.STRING(50), allowNull: false },
        unit: { type: DataTypes.STRING(200), allowNull: true },
        post: { type: DataTypes.STRING(100), allowNull: true },
        officePhone: { type: DataTypes.STRING(50), allowNull: true },
        mobile: { type: DataTypes.STRING(20), allowNull: true },
        qq: { type: DataTypes.STRING(20), allowNull: true },
        wechat: { type: DataTypes.STRING(50), allowNull: true },
      },
      { sequelize, tableName: 'account_team_members', timestamps: false },
    );
  }
}
