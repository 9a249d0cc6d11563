import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

/** A township or county department that owns accounts and whose drafts its own reviewers sign off. */
export class Unit extends Model<InferAttributes<Unit>, InferCreationAttributes<Unit>> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare name: string;
  /** How many review levels a draft of this unit passes (2 or 3). */
  declare reviewLevels: CreationOptional<number>;
  /** What a `block` verdict does: return the draft to its author, or send it to level 1 anyway. */
  declare blockPolicy: CreationOptional<'return' | 'review'>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Unit.init(
      {
        id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
        code: { type: DataTypes.STRING(64), allowNull: false },
        name: { type: DataTypes.STRING(100), allowNull: false },
        reviewLevels: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false, defaultValue: 3 },
        blockPolicy: { type: DataTypes.ENUM('return', 'review'), allowNull: false, defaultValue: 'return' },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'units' },
    );
  }
}

export const DEFAULT_UNIT_CODE = 'default';
