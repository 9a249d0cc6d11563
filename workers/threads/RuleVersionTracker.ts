import type { Redis } from 'ioredis';
import { logger } from '../../server/logger';
import { createRedis } from '../../server/storage/redis';
import { ruleChangeChannel } from '../rules/ruleProvider';
import { readRuleVersions } from '../rules/ruleVersions';
import { newestOf, RuleVersions } from './Screener';

const POLL_INTERVAL_MS = 5000;

/**
 * The newest rule versions this process has heard of: announcements on Redis, and a poll of the
 * version table should one be missed. Cheap (no lists are loaded): the screening threads are told
 * these versions with every draft and rebuild their engine when they are behind, so a rule change
 * reaches every thread, however many there are.
 */
export class RuleVersionTracker {
  private known: RuleVersions = {};
  private subscriber?: Redis;
  private poller?: NodeJS.Timeout;

  static async start(): Promise<RuleVersionTracker> {
    const tracker = new RuleVersionTracker();
    await tracker.follow();
    return tracker;
  }

  versions(): RuleVersions {
    return this.known;
  }

  private async follow(): Promise<void> {
    this.subscriber = createRedis('subscriber', 'rule-versions');
    this.subscriber.on('message', (_channel: string, message: string) => this.heard(message));
    await this.subscriber.subscribe(ruleChangeChannel());
    await this.poll();
    this.poller = setInterval(() => void this.poll(), POLL_INTERVAL_MS);
    this.poller.unref();
  }

  private heard(message: string): void {
    try {
      const { kind, version } = JSON.parse(message) as { kind: string; version: number };
      if (typeof kind === 'string' && Number.isInteger(version)) this.known = newestOf(this.known, { [kind]: version });
    } catch {
      void this.poll(); // an announcement we cannot read: ask the database instead
    }
  }

  private async poll(): Promise<void> {
    try {
      this.known = newestOf(this.known, await readRuleVersions());
    } catch (error) {
      logger.debug({ err: (error as Error).message }, 'rule version poll failed');
    }
  }

  async close(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
