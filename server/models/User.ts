import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

export const ROLES = ['editor', 'reviewer', 'sysadmin', 'secadmin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare username: string;
  declare displayName: string | null;
  declare passwordHash: string;
  declare role: Role;
  /** Review level of a reviewer (1 初审, 2 复审, 3 终审); null for every other role. */
  declare level: number | null;
  declare unitId: number;
  declare status: CreationOptional<'active' | 'disabled'>;
  declare mustChangePassword: CreationOptional<boolean>;
  declare passwordChangedAt: Date;
  declare totpSecret: CreationOptional<string | null>;
  /** Time step of the last one-time code accepted: a code is good for one login only. */
  declare totpLastStep: CreationOptional<number | null>;
  declare lastLoginAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    User.init(
      {
        id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
        username: { type: DataTypes.STRING(64), allowNull: false },
        displayName: { type: DataTypes.STRING(100), allowNull: true },
        passwordHash: { type: DataTypes.STRING(255), allowNull: false },
        role: { type: DataTypes.ENUM(...ROLES), allowNull: false },
        level: { type: DataTypes.TINYINT.UNSIGNED, allowNull: true },
        unitId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        status: { type: DataTypes.ENUM('active', 'disabled'), allowNull: false, defaultValue: 'active' },
        mustChangePassword: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        passwordChangedAt: { type: DataTypes.DATE(3), allowNull: false },
        totpSecret: { type: DataTypes.STRING(128), allowNull: true },
        totpLastStep: { type: DataTypes.BIGINT.UNSIGNED, allowNull: true },
        lastLoginAt: { type: DataTypes.DATE(3), allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'users' },
    );
  }
}
