import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, NonAttribute, Sequelize } from 'sequelize';

/** What a change record may change: name, platform account id, team, maintenance arrangement (承办单位). */
export const CHANGE_KINDS = ['name', 'platform_account_id', 'team', 'maintenance'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  name: '名称变更',
  platform_account_id: '账号ID变更',
  team: '管理团队变更',
  maintenance: '运维安排变更',
};

/**
 * A change of a registered account, to be filed within 7 working days of the day it took effect.
 * `pending`: the change is known (reported by the office or the unit) but not yet filed;
 * `filed`: the new values are recorded and applied, with what they replaced.
 */
export class AccountChange extends Model<InferAttributes<AccountChange>, InferCreationAttributes<AccountChange>> {
  declare id: CreationOptional<number>;
  declare accountId: number;
  /** Comma-separated ChangeKinds. */
  declare kinds: string;
  declare state: 'pending' | 'filed';
  /** The day the change took effect: the 7 working days count from here. */
  declare changedOn: string;
  declare reason: string | null;
  declare ownerOpinion: string | null;
  /** JSON of the replaced and the new values, once filed. */
  declare beforeValues: string | null;
  declare afterValues: string | null;
  declare reportedBy: number | null;
  declare reportedAt: Date;
  declare filedBy: number | null;
  declare filedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  get kindList(): NonAttribute<ChangeKind[]> {
    return this.kinds.split(',').filter(Boolean) as ChangeKind[];
  }

  static initModel(sequelize: Sequelize): void {
    AccountChange.init(
      {
        id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
        accountId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        kinds: { type: DataTypes.STRING(100), allowNull: false },
        state: { type: DataTypes.ENUM('pending', 'filed'), allowNull: false },
        changedOn: { type: DataTypes.DATEONLY, allowNull: false },
        reason: { type: DataTypes.TEXT, allowNull: true },
        ownerOpinion: { type: DataTypes.TEXT, allowNull: true },
        beforeValues: { type: DataTypes.TEXT, allowNull: true },
        afterValues: { type: DataTypes.TEXT, allowNull: true },
        reportedBy: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
        reportedAt: { type: DataTypes.DATE(3), allowNull: false },
        filedBy: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
        filedAt: { type: DataTypes.DATE(3), allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'account_changes' },
    );
  }
}
