import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

/**
 * A queue job that must exist: written in the same transaction as the change that needs it,
 * marked dispatched once the job is in Redis. Undispatched rows are retried by the reconciler.
 */
export class OutboxEntry extends Model<InferAttributes<OutboxEntry>, InferCreationAttributes<OutboxEntry>> {
  declare id: CreationOptional<number>;
  declare topic: string;
  declare jobId: string;
  /** Job data as JSON: ids only, never draft content. */
  declare payload: string;
  declare createdAt: CreationOptional<Date>;
  declare dispatchedAt: CreationOptional<Date | null>;

  static initModel(sequelize: Sequelize): void {
    OutboxEntry.init(
      {
        id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
        topic: { type: DataTypes.STRING(32), allowNull: false },
        jobId: { type: DataTypes.STRING(100), allowNull: false },
        payload: { type: DataTypes.STRING(1000), allowNull: false },
        createdAt: DataTypes.DATE(3),
        dispatchedAt: { type: DataTypes.DATE(3), allowNull: true },
      },
      { sequelize, tableName: 'outbox', updatedAt: false },
    );
  }
}
