import { QueueEvents } from 'bullmq';
import type { ScreeningJobResult } from '../../workers/processors/ScreeningProcessor';
import { logger } from '../logger';
import { SCREENING_QUEUE } from '../queues/screeningQueue';
import { createRedis, queuePrefix } from '../storage/redis';
import { broadcastDraftChange, realtimeServer } from './draftBroadcaster';
import { rooms } from './rooms';

/**
 * Carries the workers' results to the browsers: every server process reads the queue's event
 * stream and emits to its own sockets only (io.local), so each client hears each event once
 * however many server processes there are.
 */
/** Re-screening progress is announced at most this often per batch: clients then fetch the counts. */
const PROGRESS_INTERVAL_MS = 500;

export function startScreeningEventsBridge(): { close(): Promise<void> } {
  const pendingBatches = new Set<string>();
  const progressTimer = setInterval(() => {
    for (const trigger of pendingBatches) {
      realtimeServer()?.local.to(rooms.securityAdmins()).emit('rescreen:progress', { batchId: Number(trigger.replace('rescreen-', '')) });
    }
    pendingBatches.clear();
  }, PROGRESS_INTERVAL_MS);
  progressTimer.unref();
  const events = new QueueEvents(SCREENING_QUEUE, { connection: createRedis('subscriber', 'screening-events'), prefix: queuePrefix() });
  events.on('completed', ({ returnvalue }) => {
    try {
      const result = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as ScreeningJobResult | null;
      if (result?.change) broadcastDraftChange(result.change, { localOnly: true });
      if (result?.recorded && result.trigger.startsWith('rescreen-')) pendingBatches.add(result.trigger);
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'could not broadcast a screening result');
    }
  });
  events.on('error', (error) => logger.warn({ err: error.message }, 'screening event stream error'));
  return {
    async close() {
      clearInterval(progressTimer);
      await events.close();
    },
  };
}
