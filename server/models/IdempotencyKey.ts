import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

/** The answer given to a request carrying an Idempotency-Key, replayed when the same key comes again. */
export class IdempotencyKey extends Model<InferAttributes<IdempotencyKey>, InferCreationAttributes<IdempotencyKey>> {
  declare userId: number;
  declare idemKey: string;
  declare requestHash: string;
  declare statusCode: number;
  declare response: string;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    IdempotencyKey.init(
      {
        userId: { type: DataTypes.INTEGER.UNSIGNED, primaryKey: true },
        idemKey: { type: DataTypes.STRING(128), primaryKey: true },
        requestHash: { type: DataTypes.CHAR(64), allowNull: false },
        statusCode: { type: DataTypes.SMALLINT.UNSIGNED, allowNull: false },
        response: { type: DataTypes.TEXT, allowNull: false },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'idempotency_keys', updatedAt: false },
    );
  }
}
