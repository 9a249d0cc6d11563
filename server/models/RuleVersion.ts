import { DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

/** The version counter of one rule set ("terms", "sources", …); every change bumps it. */
export class RuleVersion extends Model<InferAttributes<RuleVersion>, InferCreationAttributes<RuleVersion>> {
  declare kind: string;
  declare version: number;
  declare updatedAt: Date;

  static initModel(sequelize: Sequelize): void {
    RuleVersion.init(
      {
        kind: { type: DataTypes.STRING(32), primaryKey: true },
        version: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        updatedAt: { type: DataTypes.DATE(3), allowNull: false },
      },
      { sequelize, tableName: 'rule_versions', timestamps: false },
    );
  }
}
