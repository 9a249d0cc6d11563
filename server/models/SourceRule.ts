import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';
import { SOURCE_MATCH_TYPES, SourceMatchType } from '../../workers/rules/screeningRuleShapes';

/** A rule of the repost source whitelist: a source name, a name ending, or a domain, of one unit. */
export class SourceRule extends Model<InferAttributes<SourceRule>, InferCreationAttributes<SourceRule>> {
  declare id: CreationOptional<number>;
  /** The designated unit or group the rule belongs to (新华社, 党政机关网站). */
  declare unit: string;
  declare matchType: SourceMatchType;
  declare pattern: string;
  declare note: string | null;
  declare origin: string;
  declare enabled: CreationOptional<boolean>;
  /** What the release that last wrote it left it as (JSON, see workers/lib/shippedState.ts); null: the admin's own, or history unknown. */
  declare shippedState: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    SourceRule.init(
      {
        id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
        unit: { type: DataTypes.STRING(100), allowNull: false },
        matchType: { type: DataTypes.ENUM(...SOURCE_MATCH_TYPES), allowNull: false },
        pattern: { type: DataTypes.STRING(253), allowNull: false },
        note: { type: DataTypes.STRING(300), allowNull: true },
        origin: { type: DataTypes.STRING(32), allowNull: false },
        enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        shippedState: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'source_rules' },
    );
  }
}
