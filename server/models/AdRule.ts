import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';
import { Severity, SEVERITIES } from '../../workers/screening/types';
import { AD_CATEGORIES, AdCategory, MATCH_TYPES, MatchType, PATTERN_MAX_LENGTH } from '../../workers/rules/screeningRuleShapes';

/** A rule of advertising language: a phrase or pattern, its category, and when it counts. */
export class AdRule extends Model<InferAttributes<AdRule>, InferCreationAttributes<AdRule>> {
  declare id: CreationOptional<number>;
  declare category: AdCategory;
  declare matchType: MatchType;
  declare pattern: string;
  /** Null for the helper categories (selling, warning and earning context, exceptions), which raise nothing themselves. */
  declare severity: Severity | null;
  /** The rule fires only with a selling word in the same sentence (最佳 in 最佳产品, not in 最佳实践). */
  declare needsContext: CreationOptional<boolean>;
  declare note: string | null;
  declare origin: string;
  declare enabled: CreationOptional<boolean>;
  /** What the release that last wrote it left it as (JSON, see workers/lib/shippedState.ts); null: the admin's own, or history unknown. */
  declare shippedState: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    AdRule.init(
      {
        id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
        category: { type: DataTypes.ENUM(...AD_CATEGORIES), allowNull: false },
        matchType: { type: DataTypes.ENUM(...MATCH_TYPES), allowNull: false },
        pattern: { type: DataTypes.STRING(PATTERN_MAX_LENGTH), allowNull: false },
        severity: { type: DataTypes.ENUM(...SEVERITIES), allowNull: true },
        needsContext: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        note: { type: DataTypes.STRING(300), allowNull: true },
        origin: { type: DataTypes.STRING(32), allowNull: false },
        enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        shippedState: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'ad_rules' },
    );
  }
}
