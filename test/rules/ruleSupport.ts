import { modelOf, ruleTableOf } from '../../server/commands/ruleTables';
import { AuditRecord } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { httpRedis } from '../../server/storage/redis';
import { announceRuleChange } from '../../workers/rules/ruleProvider';
import { bumpRuleVersion, readRuleVersions } from '../../workers/rules/ruleVersions';
import { ApiAnswer, ApiClient } from '../support/apiClient';
import { buildUser, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';

/** A signed-in security admin, the one role that maintains rules. */
export async function securityAdmin(url: string): Promise<ApiClient> {
  return loggedIn(url, await buildUser('secadmin'));
}

/** A call, and the audit records it left (found by the request id the server answered). */
export async function tracedCall(
  client: ApiClient,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer & { audit: Array<{ eventType: string; objectType: string | null; objectId: string | null; outcome: string; detail: any }> }> {
  const answer = await client.request(method, path, body, headers);
  const rows = await AuditRecord.findAll({ where: { requestId: answer.headers.get('x-request-id') }, order: [['id', 'ASC']] });
  return {
    ...answer,
    audit: rows.map((row) => ({
      eventType: row.eventType,
      objectType: row.objectType,
      objectId: row.objectId,
      outcome: row.outcome,
      detail: row.detail ? JSON.parse(row.detail) : null,
    })),
  };
}

export async function versionOf(kind: string): Promise<number> {
  return (await readRuleVersions())[kind] ?? 0;
}

/** Uploads a TSV file to a rule table's import. */
export function importTsv(client: ApiClient, kind: string, tsv: string, mode: 'merge' | 'replace' = 'merge') {
  return tracedCall(client, 'POST', `/api/rules/${kind}/import?mode=${mode}`, tsv, { 'content-type': 'text/tab-separated-values; charset=utf-8' });
}

/** Every row of a rule table through the API (all pages). */
export async function allEntries(client: ApiClient, kind: string, query = ''): Promise<any[]> {
  const items: any[] = [];
  for (let page = 1; ; page++) {
    const answer = await client.get(`/api/rules/${kind}?page=${page}&pageSize=500${query ? `&${query}` : ''}`);
    if (answer.status !== 200) throw new Error(`list ${kind}: ${answer.status} ${JSON.stringify(answer.body)}`);
    items.push(...answer.body.items);
    if (items.length >= answer.body.total) return items;
  }
}

/**
 * Other suites of the same run compare the rule tables with the shipped files row by row (in id
 * order): a suite here that changes a table puts back exactly what was there, ids included, and
 * bumps the version so that the workers reload it.
 */
export async function keepRuleTables(kinds: string[]): Promise<() => Promise<void>> {
  const snapshots = await Promise.all(
    kinds.map(async (kind) => {
      const table = ruleTableOf(kind)!;
      const rows = await modelOf(table).findAll({ raw: true, order: [['id', 'ASC']] });
      return { table, rows };
    }),
  );
  return async () => {
    for (const { table, rows } of snapshots) {
      const version = await sequelize().transaction(async (transaction) => {
        const model = modelOf(table);
        await model.destroy({ where: {}, transaction });
        if (rows.length) await model.bulkCreate(rows as never[], { transaction });
        // The defaults deleted meanwhile are back: forgotten as deleted ones too.
        await sequelize().query('DELETE FROM deleted_defaults WHERE list = ?', { replacements: [table.kind], transaction });
        return bumpRuleVersion(table.kind, transaction);
      });
      await announceRuleChange(httpRedis(), table.kind, version);
    }
  };
}

/** Runs `body` with the rule tables kept as keepRuleTables keeps them, and puts them back however it ends. */
export async function withRuleTablesKept<T>(kinds: string[], body: () => Promise<T>): Promise<T> {
  const restore = await keepRuleTables(kinds);
  try {
    return await body();
  } finally {
    await restore();
  }
}

/**
 * The hooks of a suite on some rule tables: the product started, a security admin signed in, and
 * the tables put back afterwards (see keepRuleTables). The admin is there from the suite's first test.
 */
export function ruleTableAdminSuite(kinds: string[]): { readonly admin: ApiClient } {
  let admin: ApiClient | undefined;
  let restore: (() => Promise<void>) | undefined;
  before(async function () {
    this.timeout(180_000);
    const { url } = await startTestProduct();
    admin = await securityAdmin(url);
    restore = await keepRuleTables(kinds);
  });
  after(() => restore?.());
  return {
    get admin() {
      if (!admin) throw new Error('the security admin signs in in the suite’s before hook');
      return admin;
    },
  };
}
