import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { logger } from '../logger';
import { createRedis, redisKey } from '../storage/redis';

/**
 * What the socket.io Redis emitter publishes through (it calls nothing but `publish`): the messages
 * of one tick go to Redis in one pipeline, one write for the two or three messages of a screened
 * draft, and a refusal is logged. The emitter itself never handles the promise of a publish, so on
 * a bare connection a message pending when the connection closes would end the process with an
 * unhandled rejection.
 */
export class TickPublisher {
  private pending: Array<[string, string | Buffer]> = [];
  private sent: Promise<void> = Promise.resolve();

  constructor(
    private readonly redis: Redis,
    private readonly name: string,
  ) {}

  publish(channel: string, message: string | Buffer): void {
    if (!this.pending.length) process.nextTick(() => void this.flush());
    this.pending.push([channel, message]);
  }

  /** Sends what is pending; resolves once Redis has taken it, or refused it (logged). */
  flush(): Promise<void> {
    const batch = this.pending;
    if (!batch.length) return this.sent;
    this.pending = [];
    const pipeline = this.redis.pipeline();
    for (const [channel, message] of batch) pipeline.publish(channel, message);
    const refused = (error: unknown, messages: number) =>
      logger.warn({ err: (error as Error).message, publisher: this.name, messages }, 'socket.io messages not published');
    this.sent = pipeline.exec().then(
      (results) => {
        // A closed connection fails each command of the pipeline rather than the pipeline.
        const failures = (results ?? []).filter(([error]) => error);
        if (failures.length) refused(failures[0]![0], failures.length);
      },
      (error: unknown) => refused(error, batch.length),
    );
    return this.sent;
  }
}

/** A process's emitter to the browsers (see TickPublisher), on a connection of its own. */
export interface RoomEmitter {
  emitter: Emitter;
  /** Sends what is pending, then closes the connection. */
  close(): Promise<void>;
}

/** Publishes on the channel every server's socket.io Redis adapter listens to, from a process without socket.io. */
export function createRoomEmitter(name: string): RoomEmitter {
  const redis = createRedis('worker', name);
  const publisher = new TickPublisher(redis, name);
  return {
    emitter: new Emitter(publisher, { key: redisKey('socket.io') }),
    async close() {
      await publisher.flush();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
