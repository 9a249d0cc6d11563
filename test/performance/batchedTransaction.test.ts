import assert from 'node:assert/strict';
import { DatabaseError, UniqueConstraintError } from 'sequelize';
import { sequelize } from '../../server/storage/database';
import { batchedTransaction, rowsOutcome, writeOutcome } from '../../server/storage/batchedTransaction';
import { selectRows, sessionVariable } from '../../server/storage/directSql';
import { prepareTestDatabase } from '../support/testStores';
import { roundTrips, statementsOf } from './statementLog';

/** The transaction of batches the hot paths use: what a failure leaves, and what travels together. */
describe('batched transactions', function () {
  const TABLE = 'batch_probe';
  const insert = (id: number, note: string) => ({ sql: `INSERT INTO ${TABLE} (id, note) VALUES (?, ?)`, values: [id, note] });
  const stored = async () => (await selectRows<{ id: number }>(null, `SELECT id FROM ${TABLE} ORDER BY id`, [])).map((row) => Number(row.id));

  before(async () => {
    await prepareTestDatabase();
    await sequelize().query(`CREATE TABLE IF NOT EXISTS ${TABLE} (id INT PRIMARY KEY, note VARCHAR(200) NOT NULL) ENGINE=InnoDB`);
  });

  beforeEach(async () => {
    await sequelize().query(`DELETE FROM ${TABLE}`);
  });

  after(async () => {
    await sequelize().query(`DROP TABLE IF EXISTS ${TABLE}`);
  });

  it('sends each batch in one round trip, the first starting the transaction and the last committing it', async () => {
    const { result, statements } = await statementsOf(() =>
      batchedTransaction(async (transaction) => {
        const [first] = await transaction.send([insert(1, 'a'), { sql: 'SET @probe = ?', values: [41] }]);
        const outcomes = await transaction.commitWith([insert(2, 'b'), { sql: 'SELECT @probe + 1 AS answer', values: [] }]);
        return { inserted: writeOutcome(first).affectedRows, answer: rowsOutcome<{ answer: number }>(outcomes[1])[0]!.answer };
      }),
    );
    assert.deepEqual(roundTrips(statements), [
      ['START TRANSACTION', `INSERT ${TABLE}`, 'SET @probe'],
      [`INSERT ${TABLE}`, 'SELECT @PROBE + 1 AS ANSWER', 'COMMIT'],
    ]);
    assert.deepEqual({ ...result, answer: Number(result.answer) }, { inserted: 1, answer: 42 });
    assert.deepEqual(await stored(), [1, 2]);
  });

  it('takes a session variable as a value, written as it is', async () => {
    await batchedTransaction(async (transaction) => {
      await transaction.commitWith([{ sql: 'SET @probe_id = 7', values: [] }, insert(0, 'x'), { sql: `UPDATE ${TABLE} SET id = ? WHERE id = 0`, values: [sessionVariable('probe_id')] }]);
    });
    assert.deepEqual(await stored(), [7]);
    assert.throws(() => sessionVariable('x; DROP TABLE drafts'), /not a variable name/);
  });

  it('rolls the whole transaction back when a statement of its last batch fails, and reports the error without the values', async () => {
    const secret = '身份证号 110101199003071234';
    const failing = batchedTransaction(async (transaction) => {
      await transaction.send([insert(1, secret)]);
      await transaction.commitWith([insert(2, secret), insert(1, secret), insert(3, secret)]);
    });
    await assert.rejects(failing, (error: unknown) => {
      assert.ok(error instanceof UniqueConstraintError);
      const sql = String((error.parent as { sql?: string }).sql);
      assert.match(sql, /INSERT INTO batch_probe/);
      assert.doesNotMatch(sql, /110101/, 'the logged statement carries no values');
      return true;
    });
    assert.deepEqual(await stored(), [], 'nothing of either batch is kept');
    // The connection went back to the pool with no transaction open: the next one commits alone.
    await batchedTransaction((transaction) => transaction.commitWith([insert(4, 'd')]));
    assert.deepEqual(await stored(), [4]);
  });

  it('rolls back work that returns without committing, and says so', async () => {
    await assert.rejects(
      batchedTransaction(async (transaction) => {
        await transaction.send([insert(5, 'e')]);
      }),
      /must end with commitWith/,
    );
    assert.deepEqual(await stored(), []);
  });

  it('rolls back when the work throws between batches', async () => {
    await assert.rejects(
      batchedTransaction(async (transaction) => {
        await transaction.send([insert(6, 'f')]);
        throw new DatabaseError(new Error('the caller gave up') as never);
      }),
      /the caller gave up/,
    );
    assert.deepEqual(await stored(), []);
  });
});
