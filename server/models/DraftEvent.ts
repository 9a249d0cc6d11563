import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

/**
 * A state change of a draft: who (null = the machine), when, from, to, which revision; or a
 * re-screening that changed its verdict or findings (who started the batch; from and to the same).
 */
export class DraftEvent extends Model<InferAttributes<DraftEvent>, InferCreationAttributes<DraftEvent>> {
  declare id: CreationOptional<number>;
  declare draftId: number;
  declare revision: number;
  declare actorId: number | null;
  declare type: string;
  declare fromStatus: string | null;
  declare toStatus: string;
  declare fromLevel: number | null;
  declare toLevel: number | null;
  declare detail: string | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    DraftEvent.init(
      {
        id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
        draftId: { type: DataTypes.BIGINT.UNSIGNED, allowNull: false },
        revision: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        actorId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
        type: { type: DataTypes.STRING(32), allowNull: false },
        fromStatus: { type: DataTypes.STRING(16), allowNull: true },
        toStatus: { type: DataTypes.STRING(16), allowNull: false },
        fromLevel: { type: DataTypes.TINYINT.UNSIGNED, allowNull: true },
        toLevel: { type: DataTypes.TINYINT.UNSIGNED, allowNull: true },
        detail: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'draft_events', updatedAt: false },
    );
  }
}
