import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';
import { Severity, SEVERITIES } from '../../workers/screening/types';

/** A sensitive term of the word lists, with its category and severity. */
export class Term extends Model<InferAttributes<Term>, InferCreationAttributes<Term>> {
  declare id: CreationOptional<number>;
  declare term: string;
  declare category: string;
  declare severity: Severity;
  declare note: string | null;
  /** Where the term came from: a shipped list file, the triaged package list, or an admin. */
  declare origin: string;
  declare enabled: CreationOptional<boolean>;
  /** What the release that last wrote it left it as (JSON, see workers/lib/shippedState.ts); null: the admin's own, or history unknown. */
  declare shippedState: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Term.init(
      {
        id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
        term: { type: DataTypes.STRING(100), allowNull: false },
        category: { type: DataTypes.STRING(32), allowNull: false },
        severity: { type: DataTypes.ENUM(...SEVERITIES), allowNull: false },
        note: { type: DataTypes.STRING(300), allowNull: true },
        origin: { type: DataTypes.STRING(32), allowNull: false },
        enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        shippedState: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'terms' },
    );
  }
}
