import { DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

/** The QR code image of an account, kept apart so that loading accounts never loads images. */
export class AccountQrCode extends Model<InferAttributes<AccountQrCode>, InferCreationAttributes<AccountQrCode>> {
  declare accountId: number;
  declare contentType: string;
  declare image: Buffer;
  declare updatedAt: Date;

  static initModel(sequelize: Sequelize): void {
    AccountQrCode.init(
      {
        accountId: { type: DataTypes.INTEGER.UNSIGNED, primaryKey: true },
        contentType: { type: DataTypes.STRING(32), allowNull: false },
        image: { type: DataTypes.BLOB('medium'), allowNull: false },
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'account_qr_codes', createdAt: false },
    );
  }
}
