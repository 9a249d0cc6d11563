import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';
import { MATCH_TYPES, MatchType, PATTERN_MAX_LENGTH, SignalCategory } from '../../workers/rules/screeningRuleShapes';

/** A selling signal (热销, 钜惠, 欢迎来电, 楼盘) or a government programme's word (消费券), by category. */
export class SignalRule extends Model<InferAttributes<SignalRule>, InferCreationAttributes<SignalRule>> {
  declare id: CreationOptional<number>;
  declare category: SignalCategory;
  declare matchType: MatchType;
  declare pattern: string;
  declare note: string | null;
  declare origin: string;
  declare enabled: CreationOptional<boolean>;
  /** What the release that last wrote it left it as (JSON, see workers/lib/shippedState.ts); null: the admin's own, or history unknown. */
  declare shippedState: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    SignalRule.init(
      {
        id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
        // A string, not an ENUM: a category added later needs no ALTER of the column.
        category: { type: DataTypes.STRING(32), allowNull: false },
        matchType: { type: DataTypes.ENUM(...MATCH_TYPES), allowNull: false },
        pattern: { type: DataTypes.STRING(PATTERN_MAX_LENGTH), allowNull: false },
        note: { type: DataTypes.STRING(300), allowNull: true },
        origin: { type: DataTypes.STRING(32), allowNull: false },
        enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        shippedState: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'signal_rules' },
    );
  }
}
