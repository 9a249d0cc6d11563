import readline from 'node:readline';
import { z } from 'zod';
import { nestsTooDeep, TOO_DEEP_MESSAGE } from '../../workers/lib/htmlNesting';
import { RuleProvider } from '../../workers/rules/ruleProvider';
import { ScreeningEngine } from '../../workers/screening/engine';
import { sanitizeDraftHtml } from '../lib/draftHtml';
import { logger } from '../logger';
import { closeDatabase } from '../storage/database';
import { closeRedis } from '../storage/redis';

/**
 * The batch screener: JSON lines in ({id,title,body,sourceType,sourceName,sourceUrl}), one JSON
 * line out per line in ({id,verdict,findings}), in input order. Standard output carries nothing
 * else; notes go to standard error. Uses the database's current rules when it can reach them,
 * else the shipped lists in wordlists/.
 */
const LineSchema = z.object({
  id: z.union([z.string(), z.number()]).nullish(),
  title: z.string().default(''),
  body: z.string().default(''),
  sourceType: z.enum(['original', 'repost']).default('original'),
  sourceName: z.string().nullish(),
  sourceUrl: z.string().nullish(),
});

async function loadEngine(): Promise<ScreeningEngine> {
  try {
    const engine = await new RuleProvider('database').current();
    process.stderr.write(`screen: using the database's rules ${JSON.stringify(engine.listVersions)}\n`);
    return engine;
  } catch (error) {
    process.stderr.write(`screen: database not reachable (${(error as Error).message}); using the shipped lists in wordlists/\n`);
    await closeDatabase().catch(() => undefined);
    return new RuleProvider('shipped').current();
  }
}

function screenLine(engine: ScreeningEngine, line: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { id: null, error: 'not a JSON line' };
  }
  const input = LineSchema.safeParse(parsed);
  const id = (parsed as { id?: unknown } | null)?.id ?? null;
  if (!input.success) return { id, error: input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  // Checked before sanitising, as the API does: one body nested too deep would hold the whole batch.
  if (nestsTooDeep(input.data.body)) return { id, error: `body: ${TOO_DEEP_MESSAGE}` };
  const result = engine.screen({ ...input.data, body: sanitizeDraftHtml(input.data.body) });
  return { id, verdict: result.verdict, findings: result.findings, listVersions: result.listVersions };
}

async function main(): Promise<void> {
  const engine = await loadEngine();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const answer = line.trim() ? screenLine(engine, line) : { id: null, error: 'empty line' };
    if (!process.stdout.write(`${JSON.stringify(answer)}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

main()
  .then(() => 0)
  .catch((error: unknown) => {
    logger.error({ err: error }, 'screen failed');
    process.stderr.write(`screen: ${(error as Error).message}\n`);
    return 1;
  })
  .then(async (code) => {
    await closeDatabase().catch(() => undefined);
    await closeRedis().catch(() => undefined);
    process.exitCode = code;
  });
