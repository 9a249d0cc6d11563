import assert from 'node:assert/strict';
import { logger } from '../../server/logger';
import { TickPublisher } from '../../server/realtime/tickPublisher';
import { createRedis, redisKey } from '../../server/storage/redis';

/** The publisher under the workers' socket.io emitters: one write per tick, and no unhandled rejection. */
describe('socket.io messages published a tick at a time', function () {
  const channel = redisKey('tick-publisher-test');

  it('sends the messages of one tick in one pipeline, in order, and every one arrives', async () => {
    const redis = createRedis('worker', 'tick-publisher-test');
    const listener = createRedis('subscriber', 'tick-publisher-listener');
    try {
      const heard: string[] = [];
      await listener.subscribe(channel);
      listener.on('message', (_channel: string, message: string) => heard.push(message));
      let pipelines = 0;
      const pipeline = redis.pipeline.bind(redis);
      redis.pipeline = ((...args: Parameters<typeof redis.pipeline>) => {
        pipelines++;
        return pipeline(...args);
      }) as typeof redis.pipeline;
      const publisher = new TickPublisher(redis, 'test');
      for (const message of ['draft:changed', 'queue:entered', 'queue:left']) publisher.publish(channel, message);
      await publisher.flush();
      publisher.publish(channel, 'next tick');
      await new Promise((resolve) => setTimeout(resolve, 50));
      await publisher.flush();
      for (let i = 0; i < 100 && heard.length < 4; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(heard, ['draft:changed', 'queue:entered', 'queue:left', 'next tick']);
      assert.equal(pipelines, 2, 'one pipeline per tick');
    } finally {
      listener.disconnect();
      await redis.quit().catch(() => redis.disconnect());
    }
  });

  it('logs a message it could not send instead of leaving a rejection unhandled', async () => {
    const redis = createRedis('worker', 'tick-publisher-closed');
    await redis.quit();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const publisher = new TickPublisher(redis, 'test');
      const warnings: unknown[] = [];
      const warn = logger.warn.bind(logger);
      logger.warn = ((...args: unknown[]) => warnings.push(args)) as typeof logger.warn;
      try {
        publisher.publish(channel, 'too late');
        await publisher.flush();
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        logger.warn = warn;
      }
      assert.deepEqual(unhandled, []);
      assert.equal(warnings.length, 1, 'the lost message is logged');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
