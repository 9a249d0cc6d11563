import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';
import { Severity, SEVERITIES } from '../../workers/screening/types';

/** A wrong expression and its correct form (规范表述), in effect between two optional dates. */
export class WordingRule extends Model<InferAttributes<WordingRule>, InferCreationAttributes<WordingRule>> {
  declare id: CreationOptional<number>;
  declare wrong: string;
  declare correct: string;
  declare category: string;
  declare severity: Severity;
  /** First day the rule applies (China time, inclusive), 'YYYY-MM-DD'; null: always did. */
  declare validFrom: string | null;
  /** Last day the rule applies (inclusive); null: no end. */
  declare validTo: string | null;
  declare note: string | null;
  declare origin: string;
  declare enabled: CreationOptional<boolean>;
  /** What the release that last wrote it left it as (JSON, see workers/lib/shippedState.ts); null: the admin's own, or history unknown. */
  declare shippedState: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    WordingRule.init(
      {
        id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
        wrong: { type: DataTypes.STRING(100), allowNull: false },
        correct: { type: DataTypes.STRING(200), allowNull: false },
        category: { type: DataTypes.STRING(32), allowNull: false },
        severity: { type: DataTypes.ENUM(...SEVERITIES), allowNull: false },
        validFrom: { type: DataTypes.DATEONLY, allowNull: true },
        validTo: { type: DataTypes.DATEONLY, allowNull: true },
        note: { type: DataTypes.STRING(300), allowNull: true },
        origin: { type: DataTypes.STRING(32), allowNull: false },
        enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        shippedState: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'wording_rules' },
    );
  }
}
