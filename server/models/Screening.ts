import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';
import { Verdict, VERDICTS } from '../../workers/screening/types';

/**
 * A machine pre-screen of one revision. `trigger` says why it ran: "submit" for the screening
 * that moves the draft on (exactly one per revision: a unique key enforces it), or the id of a
 * re-screening batch after a rule change.
 */
export class Screening extends Model<InferAttributes<Screening>, InferCreationAttributes<Screening>> {
  declare id: CreationOptional<number>;
  declare draftId: number;
  declare revisionId: number;
  declare revision: number;
  declare trigger: string;
  declare verdict: Verdict;
  /** For re-screenings: the draft's verdict before, so that changed verdicts can be listed. */
  declare previousVerdict: CreationOptional<Verdict | null>;
  /** The rule-set versions used, e.g. {"terms":12,"sources":3} as JSON. */
  declare listVersions: string;
  declare findingCount: number;
  declare durationMs: number;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Screening.init(
      {
        id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
        draftId: { type: DataTypes.BIGINT.UNSIGNED, allowNull: false },
        revisionId: { type: DataTypes.BIGINT.UNSIGNED, allowNull: false },
        revision: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        trigger: { type: DataTypes.STRING(64), allowNull: false },
        verdict: { type: DataTypes.ENUM(...VERDICTS), allowNull: false },
        previousVerdict: { type: DataTypes.ENUM(...VERDICTS), allowNull: true },
        listVersions: { type: DataTypes.STRING(500), allowNull: false },
        findingCount: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        durationMs: { type: DataTypes.DECIMAL(10, 3), allowNull: false },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'screenings', updatedAt: false },
    );
  }
}
