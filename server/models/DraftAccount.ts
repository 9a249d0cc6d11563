import { DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

/** The accounts a draft is written for. */
export class DraftAccount extends Model<InferAttributes<DraftAccount>, InferCreationAttributes<DraftAccount>> {
  declare draftId: number;
  declare accountId: number;

  static initModel(sequelize: Sequelize): void {
    DraftAccount.init(
      {
        draftId: { type: DataTypes.BIGINT.UNSIGNED, primaryKey: true },
        accountId: { type: DataTypes.INTEGER.UNSIGNED, primaryKey: true },
      },
      { sequelize, tableName: 'draft_accounts', timestamps: false },
    );
  }
}
