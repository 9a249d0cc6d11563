import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, NonAttribute, Sequelize } from 'sequelize';

/** Drafts in review, approved drafts not yet published (frozen, but not out yet), published drafts. */
export const RESCREEN_SCOPES = ['in_review', 'published', 'approved'] as const;
export type RescreenScope = (typeof RESCREEN_SCOPES)[number];

/** A re-screening of many drafts with the current rules, e.g. after a word-list change. */
export class RescreenBatch extends Model<InferAttributes<RescreenBatch>, InferCreationAttributes<RescreenBatch>> {
  declare id: CreationOptional<number>;
  declare scope: RescreenScope;
  declare reason: string | null;
  declare requestedBy: number | null;
  /** Number of revisions the batch covers, frozen when it was created. */
  declare total: CreationOptional<number>;
  /** The rule versions in force when the batch was started (JSON): its screenings use these or newer. */
  declare listVersions: CreationOptional<string>;
  /** Set once every job of the batch has been added to the queue. */
  declare enqueuedAt: CreationOptional<Date | null>;
  declare finishedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;

  /** The trigger its screenings carry (and the suffix of its job ids). */
  get trigger(): NonAttribute<string> {
    return `rescreen-${this.id}`;
  }

  static initModel(sequelize: Sequelize): void {
    RescreenBatch.init(
      {
        id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
        scope: { type: DataTypes.STRING(32), allowNull: false },
        reason: { type: DataTypes.STRING(300), allowNull: true },
        requestedBy: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
        total: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false, defaultValue: 0 },
        listVersions: { type: DataTypes.STRING(500), allowNull: false, defaultValue: '{}' },
        enqueuedAt: { type: DataTypes.DATE(3), allowNull: true },
        finishedAt: { type: DataTypes.DATE(3), allowNull: true },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'rescreen_batches', updatedAt: false },
    );
  }
}
