import { CreationOptional, DataTypes, InferAttributes, InferCreationAttributes, Model, Sequelize } from 'sequelize';

export const PUBLICATION_KINDS = ['post', 'closing_notice'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];
export const PUBLICATION_KIND_LABELS: Record<PublicationKind, string> = { post: '稿件', closing_notice: '停更公告' };

/** An approved revision as it went out on one account: when and at which address. */
export class Publication extends Model<InferAttributes<Publication>, InferCreationAttributes<Publication>> {
  declare id: CreationOptional<number>;
  declare draftId: number;
  declare revisionId: number;
  declare revision: number;
  declare accountId: number;
  declare unitId: number;
  declare kind: PublicationKind;
  declare publishedAt: Date;
  declare url: string;
  /** Whether the operator pasted the platform's text and it matched the approved revision. */
  declare textChecked: boolean;
  declare recordedBy: number;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Publication.init(
      {
        id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
        draftId: { type: DataTypes.BIGINT.UNSIGNED, allowNull: false },
        revisionId: { type: DataTypes.BIGINT.UNSIGNED, allowNull: false },
        revision: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        accountId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        unitId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        kind: { type: DataTypes.ENUM(...PUBLICATION_KINDS), allowNull: false, defaultValue: 'post' },
        publishedAt: { type: DataTypes.DATE(3), allowNull: false },
        url: { type: DataTypes.STRING(2000), allowNull: false },
        textChecked: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        recordedBy: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
        createdAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'publications', updatedAt: false },
    );
  }
}
