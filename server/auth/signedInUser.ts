import { User } from '../models';
import { selectRows } from '../storage/directSql';

let selectUser: string | undefined;

/**
 * The signed-in user's row, read on every authenticated request. One direct statement, built into
 * a User as Sequelize builds the rows it reads (`bulkBuild` with `raw` and `isNewRecord: false`):
 * User.findByPk spent about a tenth of a server's CPU under load on building its query and
 * options. The columns come from the model, under their attribute names, so the two cannot drift.
 */
export async function loadSignedInUser(id: number): Promise<User | null> {
  selectUser ??= `SELECT ${Object.entries(User.getAttributes())
    .map(([name, attribute]) => `\`${attribute.field ?? name}\` AS \`${name}\``)
    .join(', ')} FROM ${User.getTableName() as string} WHERE id = ?`;
  const [row] = await selectRows<Record<string, unknown>>(null, selectUser, [id]);
  return row ? User.build(row as never, { raw: true, isNewRecord: false }) : null;
}
