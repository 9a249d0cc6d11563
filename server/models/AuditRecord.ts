import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

export type AuditOutcome = 'success' | 'denied' | 'failure';

/** One link of the append-only, hash-chained audit log. Only `auditRecorder` writes it. */
export class AuditRecord extends Model<InferAttributes<AuditRecord>, InferCreationAttributes<AuditRecord>> {
  declare id: CreationOptional<number>;
  declare createdAt: Date;
  declare userId: number | null;
  declare username: string | null;
  declare role: string | null;
  declare ip: string | null;
  declare eventType: string;
  declare objectType: string | null;
  declare objectId: string | null;
  declare outcome: AuditOutcome;
  declare requestId: string | null;
  declare detail: string | null;
  declare prevHash: string;
  declare hash: string;

  static initModel(sequelize: Sequelize): void {
    AuditRecord.init(
      {
        id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
        createdAt: { type: DataTypes.DATE(3), allowNull: false },
        userId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
        username: { type: DataTypes.STRING(64), allowNull: true },
        role: { type: DataTypes.STRING(16), allowNull: true },
        ip: { type: DataTypes.STRING(64), allowNull: true },
        eventType: { type: DataTypes.STRING(64), allowNull: false },
        objectType: { type: DataTypes.STRING(32), allowNull: true },
        objectId: { type: DataTypes.STRING(64), allowNull: true },
        outcome: { type: DataTypes.ENUM('success', 'denied', 'failure'), allowNull: false },
        requestId: { type: DataTypes.STRING(64), allowNull: true },
        detail: { type: DataTypes.TEXT, allowNull: true },
        prevHash: { type: DataTypes.CHAR(64), allowNull: false },
        hash: { type: DataTypes.CHAR(64), allowNull: false },
      },
      { sequelize, tableName: 'audit_log', timestamps: false },
    );
  }
}
