import assert from 'node:assert/strict';
import { projectRoot } from '../../workers/lib/projectRoot';
import { ApiClient } from '../support/apiClient';
import { ManagedProcess } from './support/ManagedProcess';
import { MariaDbServer } from './support/MariaDbServer';
import { ProductStack } from './support/ProductStack';

const RARE = '𠮷'; // outside the Basic Multilingual Plane: four bytes in UTF-8
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex').toUpperCase();

/**
 * Every table and every connection of the product speak utf8mb4: rare characters and emoji
 * round-trip byte for byte, even on a MariaDB server whose own default is latin1.
 */
describe('faults: utf8mb4 everywhere', function () {
  this.timeout(300_000);
  let mariadb: MariaDbServer;
  let stack: ProductStack;
  let editor: ApiClient;

  before(async () => {
    mariadb = await MariaDbServer.shared();
    await mariadb.start();
    stack = new ProductStack('utf8', { mariadbUrl: mariadb.url('unused') });
    await stack.choosePort();
    const [, editorName] = await Promise.all([stack.start('server'), stack.createUser('editor')]);
    editor = await stack.login(editorName);
  });

  after(async () => {
    await stack.cleanup();
    await mariadb.stop();
  });

  it('round-trips 𠮷 and emoji through the API byte for byte (title, body, source name)', async () => {
    const content = {
      title: `${RARE}野家开业🎉：县市场监管局提醒👨‍👩‍👧注意食品安全`,
      body: `<p>${RARE}野家餐厅今日开业😀，食品安全检查合格✅。</p>`,
      sourceType: 'repost' as const,
      sourceName: `${RARE}城日报🗞️`,
      sourceUrl: 'https://www.gov.cn/xinwen/2026-01/01/content_1.htm',
    };
    const submitted = await editor.post('/api/drafts', content);
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    const draft = (await editor.get(`/api/drafts/${submitted.body.id}`)).body;
    assert.equal(hex(draft.title), hex(content.title));
    assert.equal(hex(draft.sourceName), hex(content.sourceName));
    assert.ok(draft.body.includes(`${RARE}野家餐厅今日开业😀`), draft.body);

    const [stored] = await stack.query('SELECT HEX(r.title) AS title, HEX(r.source_name) AS source_name, HEX(r.body) AS body FROM revisions r WHERE r.draft_id = ?', [
      submitted.body.id,
    ]);
    assert.equal(stored!.title, hex(content.title), 'stored as UTF-8, not double-encoded or replaced');
    assert.equal(stored!.source_name, hex(content.sourceName));
    assert.ok(stored!.body.includes(hex(`${RARE}野家餐厅今日开业😀`)));
  });

  it('creates every table and text column as utf8mb4 (information_schema)', async () => {
    const [schema] = await stack.query('SELECT DEFAULT_CHARACTER_SET_NAME AS charset FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [stack.database]);
    assert.equal(schema!.charset, 'utf8mb4');
    const tables = await stack.query("SELECT TABLE_NAME AS name, TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'", [
      stack.database,
    ]);
    assert.ok(tables.length >= 15, `the schema has its tables (${tables.length})`);
    assert.deepEqual(tables.filter((table) => !String(table.collation).startsWith('utf8mb4_')), [], 'tables not in utf8mb4');
    const columns = await stack.query(
      'SELECT TABLE_NAME AS tbl, COLUMN_NAME AS col, CHARACTER_SET_NAME AS charset FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND CHARACTER_SET_NAME IS NOT NULL',
      [stack.database],
    );
    assert.deepEqual(columns.filter((column) => column.charset !== 'utf8mb4'), [], 'text columns not in utf8mb4');
  });

  it('opens its own connections in utf8mb4, whatever the server default', async () => {
    const [server] = await stack.query('SELECT @@character_set_server AS charset');
    assert.equal(server!.charset, 'latin1', 'this MariaDB defaults to latin1');
    // The product's own connection settings, in a process of their own against that server.
    const probe = new ManagedProcess(
      'utf8-connection-probe',
      process.execPath,
      [
        '-e',
        `const { sequelize } = require('./dist/server/storage/database');
         sequelize().query('SELECT @@character_set_client AS client, @@character_set_connection AS connection, @@character_set_results AS results', { type: 'SELECT' })
           .then(([row]) => { process.stdout.write('CHARSETS ' + JSON.stringify(row) + '\\n'); return sequelize().close(); });`,
      ],
      { cwd: projectRoot(), env: stack.env() },
    );
    const [, json] = await probe.waitFor(/CHARSETS (\{.*\})/, 30_000);
    assert.deepEqual(JSON.parse(json!), { client: 'utf8mb4', connection: 'utf8mb4', results: 'utf8mb4' });
    assert.equal((await probe.exited).code, 0);
  });
});
