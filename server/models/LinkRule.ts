import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';
import { LINK_CLASSES, LINK_MATCH_TYPES, LinkClass, LinkMatchType } from '../../workers/rules/screeningRuleShapes';

/** A link rule: a domain (suffix) or an app scheme, allowed or commercial, with its category. */
export class LinkRule extends Model<InferAttributes<LinkRule>, InferCreationAttributes<LinkRule>> {
  declare id: CreationOptional<number>;
  declare matchType: LinkMatchType;
  declare pattern: string;
  declare linkClass: LinkClass;
  declare category: string;
  declare note: string | null;
  declare origin: string;
  declare enabled: CreationOptional<boolean>;
  /** What the release that last wrote it left it as (JSON, see workers/lib/shippedState.ts); null: the admin's own, or history unknown. */
  declare shippedState: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    LinkRule.init(
      {
        id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
        matchType: { type: DataTypes.ENUM(...LINK_MATCH_TYPES), allowNull: false },
        pattern: { type: DataTypes.STRING(253), allowNull: false },
        linkClass: { type: DataTypes.ENUM(...LINK_CLASSES), allowNull: false },
        category: { type: DataTypes.STRING(32), allowNull: false },
        note: { type: DataTypes.STRING(300), allowNull: true },
        origin: { type: DataTypes.STRING(32), allowNull: false },
        enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        shippedState: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'link_rules' },
    );
  }
}
