import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

export const DECISIONS = ['approve', 'return', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The five checks every reviewer signs: 政治关、法律关、政策关、保密关、文字关. */
export const CHECKS = ['political', 'legal', 'policy', 'secrecy', 'wording'] as const;
export type CheckName = (typeof CHECKS)[number];
export const CHECK_LABELS: Record<CheckName, string> = {
  political: '政治关',
  legal: '法律关',
  policy: '政策关',
  secrecy: '保密关',
  wording: '文字关',
};

/** A reviewer's decision on one revision at one level. */
export class Review extends Model<InferAttributes<Review>, InferCreationAttributes<Review>> {
  declare id: CreationOptional<number>;
  declare draftId: number;
  declare revisionId: number;
  declare revision: number;
  declare level: number;
  declare reviewerId: number;
  declare decision: Decision;
  declare checkPolitical: boolean;
  declare checkLegal: boolean;
  declare checkPolicy: boolean;
  declare checkSecrecy: boolean;
  declare checkWording: boolean;
  declare comment: string;
  /** Hash of the revision content the reviewer saw: a different content makes the approval stale. */
  declare contentHash: string;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Review.init(
      {
        id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
        draftId: { type: DataTypes.BIGINT.UNSIGNED, allowNull: false },
        revisionId: { type: DataTypes.BIGINT.UNSIGNED, allowNull: false },
        revision: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        level: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false },
        reviewerId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        decision: { type: DataTypes.ENUM(...DECISIONS), allowNull: false },
        checkPolitical: { type: DataTypes.BOOLEAN, allowNull: false },
        checkLegal: { type: DataTypes.BOOLEAN, allowNull: false },
        checkPolicy: { type: DataTypes.BOOLEAN, allowNull: false },
        checkSecrecy: { type: DataTypes.BOOLEAN, allowNull: false },
        checkWording: { type: DataTypes.BOOLEAN, allowNull: false },
        comment: { type: DataTypes.TEXT, allowNull: false },
        contentHash: { type: DataTypes.CHAR(64), allowNull: false },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'reviews', updatedAt: false },
    );
  }
}
