import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';
import { Severity, SEVERITIES } from '../../workers/screening/types';
import { MATCH_TYPES, MatchType, PATTERN_MAX_LENGTH } from '../../workers/rules/screeningRuleShapes';

/** A secrecy marking (机密★10年, 内部资料, 不得外传) or an ordinary secrecy word, with its severity. */
export class SecrecyRule extends Model<InferAttributes<SecrecyRule>, InferCreationAttributes<SecrecyRule>> {
  declare id: CreationOptional<number>;
  declare category: string;
  declare matchType: MatchType;
  declare pattern: string;
  declare severity: Severity;
  declare note: string | null;
  declare origin: string;
  declare enabled: CreationOptional<boolean>;
  /** What the release that last wrote it left it as (JSON, see workers/lib/shippedState.ts); null: the admin's own, or history unknown. */
  declare shippedState: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    SecrecyRule.init(
      {
        id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
        category: { type: DataTypes.STRING(32), allowNull: false },
        matchType: { type: DataTypes.ENUM(...MATCH_TYPES), allowNull: false },
        pattern: { type: DataTypes.STRING(PATTERN_MAX_LENGTH), allowNull: false },
        severity: { type: DataTypes.ENUM(...SEVERITIES), allowNull: false },
        note: { type: DataTypes.STRING(300), allowNull: true },
        origin: { type: DataTypes.STRING(32), allowNull: false },
        enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        shippedState: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'secrecy_rules' },
    );
  }
}
