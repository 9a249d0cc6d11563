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
export function startScreeningEventsBridge(): { close(): Promise<void> } {
  const events = new QueueEvents(SCREENING_QUEUE, { connection: createRedis('subscriber', 'screening-events'), prefix: queuePrefix() });
  events.on('completed', ({ returnvalue }) => {
    try {
      const result = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as ScreeningJobResult | null;
      if (result?.change) broadcastDraftChange(result.change, { localOnly: true });
      if (result?.recorded && result.trigger !== 'submit') {
        realtimeServer()?.local.to(rooms.securityAdmins()).emit('rescreen:progress', {
          draftId: result.draftId,
          trigger: result.trigger,
          verdict: result.verdict,
          previousVerdict: result.previousVerdict ?? null,
        });
      }
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'could not broadcast a screening result');
    }
  });
  events.on('error', (error) => logger.warn({ err: error.message }, 'screening event stream error'));
  return {
    async close() {
      await events.close();
    },
  };
}
