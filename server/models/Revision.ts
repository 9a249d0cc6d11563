import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

export type SourceType = 'original' | 'repost';

/** One immutable version of a draft's content. Approvals bind to a revision and its content hash. */
export class Revision extends Model<InferAttributes<Revision>, InferCreationAttributes<Revision>> {
  declare id: CreationOptional<number>;
  declare draftId: number;
  declare number: number;
  declare title: string;
  /** Sanitised HTML. */
  declare body: string;
  /** Plain text of the body: the text that findings' offsets point into. */
  declare bodyText: string;
  declare sourceType: SourceType;
  declare sourceName: string | null;
  declare sourceUrl: string | null;
  declare contentHash: string;
  declare authorId: number;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Revision.init(
      {
        id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
        draftId: { type: DataTypes.BIGINT.UNSIGNED, allowNull: false },
        number: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        title: { type: DataTypes.STRING(500), allowNull: false },
        body: { type: DataTypes.TEXT('medium'), allowNull: false },
        bodyText: { type: DataTypes.TEXT('medium'), allowNull: false },
        sourceType: { type: DataTypes.ENUM('original', 'repost'), allowNull: false },
        sourceName: { type: DataTypes.STRING(200), allowNull: true },
        sourceUrl: { type: DataTypes.STRING(2000), allowNull: true },
        contentHash: { type: DataTypes.CHAR(64), allowNull: false },
        authorId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'revisions', updatedAt: false },
    );
  }
}
