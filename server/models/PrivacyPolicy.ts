import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';
import { Severity, SEVERITIES } from '../../workers/screening/types';
import { PERSONAL_DATA_TYPES, PersonalDataType } from '../../workers/rules/screeningRuleShapes';

/** How severe a kind of personal number is, alone and next to a private person's name. */
export class PrivacyPolicy extends Model<InferAttributes<PrivacyPolicy>, InferCreationAttributes<PrivacyPolicy>> {
  declare id: CreationOptional<number>;
  declare dataType: PersonalDataType;
  declare severity: Severity;
  declare severityNearName: Severity;
  declare note: string | null;
  declare origin: string;
  /** A disabled policy turns the detection of that kind of number off. */
  declare enabled: CreationOptional<boolean>;
  /** What the release that last wrote it left it as (JSON, see workers/lib/shippedState.ts); null: the admin's own, or history unknown. */
  declare shippedState: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    PrivacyPolicy.init(
      {
        id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
        dataType: { type: DataTypes.ENUM(...PERSONAL_DATA_TYPES), allowNull: false },
        severity: { type: DataTypes.ENUM(...SEVERITIES), allowNull: false },
        severityNearName: { type: DataTypes.ENUM(...SEVERITIES), allowNull: false },
        note: { type: DataTypes.STRING(300), allowNull: true },
        origin: { type: DataTypes.STRING(32), allowNull: false },
        enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        shippedState: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'privacy_policies' },
    );
  }
}
