import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { createRedis, redisKey } from '../storage/redis';
import { rooms } from './rooms';
import { TickPublisher } from './tickPublisher';

/** What the dashboard hears when an account crosses a freshness threshold (either way). */
export interface FreshnessChange {
  accountId: number;
  unitId: number;
  name: string;
  platformLabel: string;
  level: string;
  levelLabel: string;
  previousLevel: string | null;
  days: number;
  lastPublishedAt: string | null;
  at: string;
}

/**
 * Announces freshness changes from any process, server or worker: the Redis emitter publishes on
 * the channel the servers' socket.io Redis adapter listens to, so every server process delivers to
 * its own sockets. Heard by the county office (system admins), auditors and the unit's editors.
 */
export class FreshnessAnnouncer {
  private readonly redis: Redis;
  private readonly publisher: TickPublisher;
  private readonly emitter: Emitter;

  constructor() {
    this.redis = createRedis('worker', 'freshness-announcer');
    this.publisher = new TickPublisher(this.redis, 'freshness-announcer');
    this.emitter = new Emitter(this.publisher, { key: redisKey('socket.io') });
  }

  announce(change: FreshnessChange): void {
    this.emitter.to([rooms.systemAdmins(), rooms.auditors(), rooms.unitEditors(change.unitId)]).emit('freshness:changed', change);
  }

  async close(): Promise<void> {
    await this.publisher.flush();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
