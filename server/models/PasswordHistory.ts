import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

/** One password a user has had (its hash only), so that recent passwords are not reused. */
export class PasswordHistory extends Model<InferAttributes<PasswordHistory>, InferCreationAttributes<PasswordHistory>> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare passwordHash: string;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    PasswordHistory.init(
      {
        id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
        userId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        passwordHash: { type: DataTypes.STRING(255), allowNull: false },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'password_history', updatedAt: false },
    );
  }
}
