import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';
import { Severity, SEVERITIES } from '../../workers/screening/types';

/** A stored finding of a screening (the engine's `Finding`, with offsets named start/end in the API). */
export class FindingRecord extends Model<InferAttributes<FindingRecord>, InferCreationAttributes<FindingRecord>> {
  declare id: CreationOptional<number>;
  declare screeningId: number;
  declare draftId: number;
  declare checker: string;
  declare severity: Severity;
  declare category: string | null;
  declare field: string;
  declare startOffset: number;
  declare endOffset: number;
  declare text: string;
  declare term: string | null;
  declare ruleId: string | null;
  declare suggestion: string | null;
  declare reason: string | null;
  declare listVersion: number | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    FindingRecord.init(
      {
        id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
        screeningId: { type: DataTypes.BIGINT.UNSIGNED, allowNull: false },
        draftId: { type: DataTypes.BIGINT.UNSIGNED, allowNull: false },
        checker: { type: DataTypes.STRING(16), allowNull: false },
        severity: { type: DataTypes.ENUM(...SEVERITIES), allowNull: false },
        category: { type: DataTypes.STRING(32), allowNull: true },
        field: { type: DataTypes.STRING(16), allowNull: false },
        startOffset: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        endOffset: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        text: { type: DataTypes.STRING(1000), allowNull: false },
        term: { type: DataTypes.STRING(500), allowNull: true },
        ruleId: { type: DataTypes.STRING(64), allowNull: true },
        suggestion: { type: DataTypes.STRING(1000), allowNull: true },
        reason: { type: DataTypes.STRING(500), allowNull: true },
        listVersion: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'findings', updatedAt: false },
    );
  }
}
