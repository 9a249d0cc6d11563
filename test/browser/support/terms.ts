import { Term } from '../../../server/models';
import { sequelize } from '../../../server/storage/database';
import { httpRedis } from '../../../server/storage/redis';
import { announceRuleChange } from '../../../workers/rules/ruleProvider';
import { bumpRuleVersion } from '../../../workers/rules/ruleVersions';
import { ApiClient } from '../../support/apiClient';

/**
 * Adds a blocking term to the word list the way the security admin's list does (a row, a new
 * version, an announcement), until the console has a word-list page to do it by clicking.
 */
export async function addBlockingTerm(term: string, category = '测试'): Promise<void> {
  const version = await sequelize().transaction(async (transaction) => {
    const existing = await Term.findOne({ where: { term }, transaction });
    if (existing) await existing.update({ severity: 'block', enabled: true }, { transaction });
    else await Term.create({ term, category, severity: 'block', note: null, origin: 'test' }, { transaction });
    return bumpRuleVersion('terms', transaction);
  });
  await announceRuleChange(httpRedis(), 'terms', version);
}

/** Waits until the pre-check (and so the rules every process loads) flags the term. */
export async function untilFlagged(client: ApiClient, term: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await client.post('/api/screen', { title: '测试', body: `<p>其中提到${term}一事。</p>`, sourceType: 'original' });
    if (answer.status === 200 && answer.body.findings.some((f: { text: string }) => f.text.includes(term))) return;
    if (Date.now() > deadline) throw new Error(`the pre-check does not flag ${term}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
