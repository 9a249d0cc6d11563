import { DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

/** An exception to Monday–Friday: a public holiday on a weekday, or a weekend day worked (调休). */
export class WorkingCalendarDay extends Model<InferAttributes<WorkingCalendarDay>, InferCreationAttributes<WorkingCalendarDay>> {
  declare day: string;
  declare working: boolean;
  declare note: string | null;
  declare updatedAt: Date;

  static initModel(sequelize: Sequelize): void {
    WorkingCalendarDay.init(
      {
        day: { type: DataTypes.DATEONLY, primaryKey: true },
        working: { type: DataTypes.BOOLEAN, allowNull: false },
        note: { type: DataTypes.STRING(100), allowNull: true },
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'working_calendar', createdAt: false },
    );
  }
}
