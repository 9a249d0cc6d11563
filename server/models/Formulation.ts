import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';
import { Severity, SEVERITIES } from '../../workers/screening/types';

/** An important formulation (不忘初心): a phrase one confusable character away from it is flagged. */
export class Formulation extends Model<InferAttributes<Formulation>, InferCreationAttributes<Formulation>> {
  declare id: CreationOptional<number>;
  declare phrase: string;
  declare category: string;
  /** Severity of a near miss of this formulation. */
  declare severity: Severity;
  declare note: string | null;
  declare origin: string;
  declare enabled: CreationOptional<boolean>;
  /** What the release that last wrote it left it as (JSON, see workers/lib/shippedState.ts); null: the admin's own, or history unknown. */
  declare shippedState: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Formulation.init(
      {
        id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
        phrase: { type: DataTypes.STRING(100), allowNull: false },
        category: { type: DataTypes.STRING(32), allowNull: false },
        severity: { type: DataTypes.ENUM(...SEVERITIES), allowNull: false },
        note: { type: DataTypes.STRING(300), allowNull: true },
        origin: { type: DataTypes.STRING(32), allowNull: false },
        enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        shippedState: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'formulations' },
    );
  }
}
