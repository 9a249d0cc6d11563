import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { overBroadProblem } from '../../server/commands/overBroadRules';
import { RULE_TABLES } from '../../server/commands/ruleTables';
import { importTsv, ruleTableAdminSuite, versionOf } from './ruleSupport';

const tag = () => randomBytes(3).toString('hex');

describe('rule entries that would match far too much', () => {
  it('none of the shipped rows of any rule table is one', () => {
    let checked = 0;
    for (const table of RULE_TABLES) {
      for (const entry of table.ruleKind.readShipped()) {
        const problem = overBroadProblem(table.kind, entry as Record<string, unknown>);
        assert.equal(problem, null, `${table.kind}: ${JSON.stringify(entry)} ${problem?.message}`);
        checked++;
      }
    }
    assert.ok(checked > 300, `read the shipped files (${checked} rows)`);
  });

  describe('through the API', () => {
    const rules = ruleTableAdminSuite(['sources', 'links']);

    it('refuses a public suffix as a whitelist or commercial-link domain with 422, naming it', async () => {
      const version = await versionOf('sources');
      for (const pattern of ['com', 'CN', 'com.cn', '中国', 'github.io']) {
        const answer = await rules.admin.post('/api/rules/sources', { unit: '测试', matchType: 'domain', pattern });
        assert.equal(answer.status, 422, `${pattern}: ${JSON.stringify(answer.body)}`);
        assert.match(answer.body.error.message, new RegExp(`「${pattern}」是公共后缀，会放行所有以它结尾的网站，请填写具体域名`));
      }
      const commercial = await rules.admin.post('/api/rules/links', { matchType: 'domain', pattern: 'com.cn', linkClass: 'commercial', category: 'ecommerce' });
      assert.equal(commercial.status, 422);
      assert.match(commercial.body.error.message, /「com\.cn」是公共后缀，会当作商业链接拦截所有以它结尾的网站/);
      const allowed = await rules.admin.post('/api/rules/links', { matchType: 'domain', pattern: 'net', linkClass: 'allow', category: 'public_service' });
      assert.equal(allowed.status, 422);
      assert.equal(await versionOf('sources'), version, 'nothing written');

      const specific = await rules.admin.post('/api/rules/sources', { unit: '测试', matchType: 'domain', pattern: `news-${tag()}.com.cn` });
      assert.equal(specific.status, 201, 'a domain under a public suffix is fine');
      const edit = await rules.admin.put(`/api/rules/sources/${specific.body.id}`, { pattern: 'com.cn' });
      assert.equal(edit.status, 422, 'nor can an edit widen an entry');
    });

    it('refuses a source name that is too short or only a generic word', async () => {
      for (const [matchType, pattern, reason] of [
        ['name_suffix', '网', '太短'],
        ['name_suffix', '日报', '通用称呼'],
        ['name_suffix', ' 新闻 ', '通用称呼'],
        ['name', '《新闻网》', '通用称呼'],
        ['name', '报', '太短'],
      ]) {
        const answer = await rules.admin.post('/api/rules/sources', { unit: '测试', matchType, pattern });
        assert.equal(answer.status, 422, `${pattern}: ${JSON.stringify(answer.body)}`);
        assert.ok(answer.body.error.message.includes(`「${pattern!.trim()}」`) && answer.body.error.message.includes(reason!), answer.body.error.message);
      }
      const specific = await rules.admin.post('/api/rules/sources', { unit: '测试', matchType: 'name', pattern: `某县${tag()}日报` });
      assert.equal(specific.status, 201);
    });

    it('refuses them in an import by line, alone with 422, with other problems all in one 400', async () => {
      const version = await versionOf('sources');
      const good = `ok-${tag()}.cn`;
      const alone = await importTsv(rules.admin, 'sources', ['unit\tmatch_type\tpattern', `甲\tdomain\t${good}`, '乙\tdomain\tcom', '丙\tname_suffix\t日报'].join('\n'));
      assert.equal(alone.status, 422, JSON.stringify(alone.body));
      assert.match(alone.body.error.message, /第 3 行 .*「com」是公共后缀/);
      assert.match(alone.body.error.message, /第 4 行 .*「日报」/);
      assert.deepEqual(alone.body.error.details.map((d: any) => d.row), [3, 4]);

      const mixed = await importTsv(rules.admin, 'sources', ['unit\tmatch_type\tpattern', '乙\tdomain\tcom', '丙\turl\t某报'].join('\n'));
      assert.equal(mixed.status, 400);
      assert.deepEqual(mixed.body.error.details.map((d: any) => d.row), [2, 3]);
      assert.equal(await versionOf('sources'), version, 'nothing written');

      const links = await importTsv(rules.admin, 'links', ['match_type\tpattern\tclass\tcategory', 'domain\tcn\tcommercial\tshortener'].join('\n'));
      assert.equal(links.status, 422);
      assert.match(links.body.error.message, /第 2 行 .*「cn」是公共后缀/);
    });
  });
});
