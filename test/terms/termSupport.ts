import { AllowWord, Term } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { httpRedis } from '../../server/storage/redis';
import { announceRuleChange } from '../../workers/rules/ruleProvider';
import { bumpRuleVersion } from '../../workers/rules/ruleVersions';
import { ApiClient } from '../support/apiClient';
import { securityAdmin, tracedCall } from '../rules/ruleSupport';
import { startTestProduct } from '../support/testProduct';

export { securityAdmin, tracedCall, versionOf } from '../rules/ruleSupport';

export type ListName = 'terms' | 'allow-words';

/** Uploads a TSV file to a word list's import. */
export function importTsv(client: ApiClient, list: ListName, tsv: string, mode: 'merge' | 'replace' = 'merge') {
  return tracedCall(client, 'POST', `/api/${list}/import?mode=${mode}`, tsv, { 'content-type': 'text/tab-separated-values; charset=utf-8' });
}

/** Every entry of a word list through the API (all pages). */
export async function allEntries(client: ApiClient, list: ListName, query = ''): Promise<any[]> {
  const items: any[] = [];
  for (let page = 1; ; page++) {
    const answer = await client.get(`/api/${list}?page=${page}&pageSize=500${query ? `&${query}` : ''}`);
    if (answer.status !== 200) throw new Error(`list ${list}: ${answer.status} ${JSON.stringify(answer.body)}`);
    items.push(...answer.body.items);
    if (items.length >= answer.body.total) return items;
  }
}

/**
 * Other suites of the same run compare the stored terms with the shipped lists: a suite here that
 * changes the lists puts back exactly what was there, ids included, and bumps the version so that
 * the workers reload them.
 */
export async function keepWordLists(): Promise<() => Promise<void>> {
  const [terms, allowWords] = await Promise.all([
    Term.findAll({ raw: true, order: [['id', 'ASC']] }),
    AllowWord.findAll({ raw: true, order: [['id', 'ASC']] }),
  ]);
  return async () => {
    const version = await sequelize().transaction(async (transaction) => {
      await Term.destroy({ where: {}, transaction });
      await AllowWord.destroy({ where: {}, transaction });
      for (let i = 0; i < terms.length; i += 2000) await Term.bulkCreate(terms.slice(i, i + 2000), { transaction });
      if (allowWords.length) await AllowWord.bulkCreate(allowWords, { transaction });
      // The defaults deleted meanwhile are back: forgotten as deleted ones too.
      await sequelize().query("DELETE FROM deleted_defaults WHERE list IN ('terms', 'allow-words')", { transaction });
      return bumpRuleVersion('terms', transaction);
    });
    await announceRuleChange(httpRedis(), 'terms', version);
  };
}

/**
 * What most word-list suites need, registered as the calling describe's hooks: the test product
 * started, a security admin signed in, and the word lists put back as they were afterwards.
 */
export function wordListAdminSuite(): { readonly admin: ApiClient } {
  let admin: ApiClient | undefined;
  let restore: (() => Promise<void>) | undefined;
  before(async () => {
    const { url } = await startTestProduct();
    admin = await securityAdmin(url);
    restore = await keepWordLists();
  });
  after(() => restore?.());
  return {
    get admin() {
      if (!admin) throw new Error('the security admin signs in in the suite’s before hook');
      return admin;
    },
  };
}

/** Digit sets that take turns, so that no two neighbours are alike (the normaliser reads a run as one character). */
const DIGIT_SETS = ['零一二三四五六七八九', 'abcdefghij', '甲乙丙丁戊己庚辛壬癸', 'klmnopqrst'];

/** A number as four characters that no other number folds to: 0011 would read as 01 once normalised. */
export function distinctNumber(n: number): string {
  return [...String(n).padStart(4, '0')].map((digit, i) => DIGIT_SETS[i % DIGIT_SETS.length]![Number(digit)]).join('');
}
