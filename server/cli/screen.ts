import { z } from 'zod';
import { RuleProvider } from '../../workers/rules/ruleProvider';
import { ScreeningEngine } from '../../workers/screening/engine';
import { HttpError } from '../errors';
import { sanitizeDraftHtml } from '../lib/draftHtml';
import { logger } from '../logger';
import { validated } from '../middlewares/validate';
import { DraftContentSchema } from '../routes/drafts/schema';
import { closeDatabase } from '../storage/database';
import { closeRedis } from '../storage/redis';
import { byteLines } from './byteLines';
import { notUtf8Answer, utf16Refusal, utf8Text } from './screenInputText';

/**
 * The batch screener: JSON lines in ({id,title,body,sourceType,sourceName,sourceUrl}), one JSON
 * line out per line in ({id,verdict,findings}), in input order. Standard output carries nothing
 * else; notes go to standard error. The input must be UTF-8 (a byte-order mark at the start is
 * skipped); the exit code is 1 when some line could not be screened. Uses the database's current
 * rules when it can reach them, else the shipped lists in wordlists/.
 */
// The API's draft content (same required fields, same refusal of unknown ones, same words), plus the
// caller's id; accountIds means nothing here. A line without sourceType is an original post, as it
// always was here: lines exported from a publishing platform rarely say.
const LineSchema = DraftContentSchema.omit({ accountIds: true }).extend({
  id: z.union([z.string(), z.number()]).nullish(),
  sourceType: DraftContentSchema.shape.sourceType.default('original'),
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

function screenLine(engine: ScreeningEngine, line: string): object {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { id: null, error: 'not a JSON line' };
  }
  const id = (parsed as { id?: unknown } | null)?.id ?? null;
  let input: z.infer<typeof LineSchema>;
  try {
    // The schema checks the nesting depth before sanitising, as the API does: one body nested too deep would hold the whole batch.
    input = validated(LineSchema, parsed);
  } catch (error) {
    if (error instanceof HttpError) return { id, error: error.message };
    throw error;
  }
  const result = engine.screen({ ...input, body: sanitizeDraftHtml(input.body) });
  return { id, verdict: result.verdict, findings: result.findings, listVersions: result.listVersions };
}

/** Answers every line; 1 when some line could not be screened (or the input is not UTF-8 at all), else 0. */
async function main(): Promise<number> {
  const engine = await loadEngine();
  let lineNumber = 0;
  let unscreened = 0;
  for await (const bytes of byteLines(process.stdin)) {
    lineNumber += 1;
    if (lineNumber === 1) {
      const refusal = utf16Refusal(bytes);
      if (refusal) {
        process.stderr.write(`screen: ${refusal}\n`);
        return 1;
      }
    }
    const answer = answerLine(engine, bytes, lineNumber);
    if ('error' in answer) unscreened += 1;
    if (!process.stdout.write(`${JSON.stringify(answer)}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
  if (unscreened) process.stderr.write(`screen: ${unscreened} of ${lineNumber} lines could not be screened (their answers say why)\n`);
  return unscreened ? 1 : 0;
}

function answerLine(engine: ScreeningEngine, bytes: Buffer, lineNumber: number): object {
  const line = utf8Text(bytes, lineNumber);
  if (line === null) return notUtf8Answer(bytes, lineNumber);
  return line.trim() ? screenLine(engine, line) : { id: null, error: 'empty line' };
}

main()
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
