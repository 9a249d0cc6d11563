import type { Redis } from 'ioredis';
import { logger } from '../../server/logger';
import { initModels } from '../../server/models';
import { createRedis, redisKey } from '../../server/storage/redis';
import { checkers } from '../screening/checkers';
import { ScreeningEngine } from '../screening/engine';
import { RuleData } from '../screening/types';
import { ruleKinds } from './index';
import { readRuleVersions } from './ruleVersions';

/** The Redis channel on which a rule change is announced to every process. */
export function ruleChangeChannel(): string {
  return redisKey('rules-changed');
}

/** Tells every worker and server that a rule set changed; call after the change committed. */
export async function announceRuleChange(publisher: Redis, kind: string, version: number): Promise<void> {
  await publisher.publish(ruleChangeChannel(), JSON.stringify({ kind, version }));
}

/** The shipped rules, as the batch screener uses them when the database is out of reach. */
export async function loadShippedRules(): Promise<RuleData> {
  const entries = await Promise.all(ruleKinds.map(async (kind) => [kind.kind, { version: 0, data: await kind.loadShipped() }] as const));
  return Object.fromEntries(entries);
}

async function loadDatabaseRules(): Promise<RuleData> {
  initModels();
  const versions = await readRuleVersions();
  const entries = await Promise.all(
    ruleKinds.map(async (kind) => [kind.kind, { version: versions[kind.kind] ?? 0, data: await kind.loadFromDatabase() }] as const),
  );
  return Object.fromEntries(entries);
}

const POLL_INTERVAL_MS = 5000;

/**
 * Keeps a compiled screening engine for the current rule versions. A change announced on Redis
 * (or noticed by polling the version table, should an announcement be missed) builds a new
 * engine in the background; screening carries on with the old one until the new one is ready.
 */
export class RuleProvider {
  private engine?: ScreeningEngine;
  private building?: Promise<ScreeningEngine>;
  private subscriber?: Redis;
  private poller?: NodeJS.Timeout;
  private stale = false;

  constructor(private readonly source: 'database' | 'shipped') {}

  /** The engine for the newest rules known; waits only when none has been built yet. */
  async current(): Promise<ScreeningEngine> {
    if (this.engine && !this.stale) return this.engine;
    if (this.engine) {
      void this.rebuild().catch((error) => logger.error({ err: error }, 'rule reload failed; screening with the previous rules'));
      return this.engine;
    }
    return this.rebuild();
  }

  /** Builds an engine now, for callers that must use the very latest rules (e.g. right after a change). */
  async fresh(): Promise<ScreeningEngine> {
    this.stale = true;
    return this.rebuild();
  }

  private rebuild(): Promise<ScreeningEngine> {
    if (this.building) return this.building;
    this.stale = false;
    this.building = (async () => {
      const rules = this.source === 'database' ? await loadDatabaseRules() : await loadShippedRules();
      const engine = new ScreeningEngine(checkers, rules);
      this.engine = engine;
      logger.info({ listVersions: engine.listVersions }, 'screening rules loaded');
      return engine;
    })().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  /** Follows rule changes: Redis announcements, and a poll of the version table as a safety net. */
  async watch(): Promise<void> {
    if (this.source !== 'database') return;
    this.subscriber = createRedis('subscriber', 'rules-subscriber');
    this.subscriber.on('message', () => this.markStale());
    await this.subscriber.subscribe(ruleChangeChannel());
    this.poller = setInterval(() => void this.pollVersions(), POLL_INTERVAL_MS);
    this.poller.unref();
  }

  private markStale(): void {
    this.stale = true;
    // Build right away so that the next draft does not wait for the new rules.
    void this.current().catch(() => undefined);
  }

  private async pollVersions(): Promise<void> {
    if (!this.engine) return;
    try {
      const versions = await readRuleVersions();
      const changed = ruleKinds.some((kind) => (versions[kind.kind] ?? 0) !== (this.engine!.listVersions[kind.kind] ?? 0));
      if (changed) this.markStale();
    } catch (error) {
      logger.debug({ err: (error as Error).message }, 'rule version poll failed');
    }
  }

  async close(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
