import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';
import { Verdict, VERDICTS } from '../../workers/screening/types';

export const DRAFT_STATUSES = ['screening', 'returned', 'in_review', 'approved', 'rejected', 'published'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** A post on its way to publication. Its content lives in revisions; this row is its state. */
export class Draft extends Model<InferAttributes<Draft>, InferCreationAttributes<Draft>> {
  declare id: CreationOptional<number>;
  declare unitId: number;
  declare authorId: number;
  declare title: string;
  declare status: DraftStatus;
  /** The review level the draft waits at while `in_review`; null otherwise. */
  declare level: number | null;
  /** Number of the current revision (1, 2, …). */
  declare revision: number;
  declare currentRevisionId: number | null;
  /** Machine verdict of the current revision, once screened. */
  declare verdict: Verdict | null;
  declare returnedBy: 'machine' | 'reviewer' | null;
  declare statusChangedAt: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Draft.init(
      {
        id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
        unitId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        authorId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        title: { type: DataTypes.STRING(500), allowNull: false },
        status: { type: DataTypes.ENUM(...DRAFT_STATUSES), allowNull: false },
        level: { type: DataTypes.TINYINT.UNSIGNED, allowNull: true },
        revision: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        currentRevisionId: { type: DataTypes.BIGINT.UNSIGNED, allowNull: true },
        verdict: { type: DataTypes.ENUM(...VERDICTS), allowNull: true },
        returnedBy: { type: DataTypes.ENUM('machine', 'reviewer'), allowNull: true },
        statusChangedAt: { type: DataTypes.DATE(3), allowNull: false },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'drafts' },
    );
  }
}
