import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { AllowWord, Term } from '../../server/models';
import { importTsv, wordListAdminSuite } from '../terms/termSupport';

const tag = () => randomBytes(3).toString('hex');

describe('a word-list file written with the console’s Chinese column names and values', function () {
  this.timeout(120_000);
  const lists = wordListAdminSuite();

  it('imports terms under 词语、类别、级别、备注、启用 with 拦截/需审核/提示 and 启用/停用', async () => {
    const [blocked, reviewed, noticed] = ['甲', '乙', '丙'].map((n) => `中文表头${n}${tag()}`);
    const file = [
      '词语\t类别\t级别\t备注\t启用',
      `${blocked}\tporn\t拦截\t手工整理\t启用`,
      `${reviewed}\tfraud\t需审核\t\t停用`,
      `${noticed}\tgambling\t提示\t\t`,
    ].join('\n');
    const answer = await importTsv(lists.admin, 'terms', file);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.created, 3);
    const stored = async (term: string) => {
      const row = (await Term.findOne({ where: { term } }))!;
      return [row.get('severity'), row.get('enabled'), row.get('note')];
    };
    assert.deepEqual(await stored(blocked!), ['block', true, '手工整理']);
    assert.deepEqual(await stored(reviewed!), ['review', false, null]);
    assert.deepEqual(await stored(noticed!), ['notice', true, null]);
  });

  it('imports allow-words under 白名单词、备注, with the state under 状态', async () => {
    const word = `中文白名单${tag()}`;
    const answer = await importTsv(lists.admin, 'allow-words', `白名单词\t备注\t状态\n${word}\t地名\t停用\n`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const row = (await AllowWord.findOne({ where: { word } }))!;
    assert.deepEqual([row.get('note'), row.get('enabled')], ['地名', false]);
  });

  it('names the Chinese columns it takes when a header is not one of them, and still refuses a level it does not know', async () => {
    const header = await importTsv(lists.admin, 'terms', `词条\t类别\t级别\n坏表头${tag()}\tporn\t拦截\n`);
    assert.equal(header.status, 400);
    assert.match(header.body.error.message, /不认识的列 词条/);
    assert.match(header.body.error.message, /也可用中文列名 词语、类别、级别、备注、启用/);

    const level = await importTsv(lists.admin, 'terms', `词语\t类别\t级别\n坏级别${tag()}\tporn\t严重\n`);
    assert.equal(level.status, 400);
    assert.match(level.body.error.message, /第 2 行 级别（severity）：须为 block（拦截）、review（需审核）、notice（提示）之一/);
  });
});
