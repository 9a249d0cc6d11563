import { logger } from '../server/logger';
import { DraftChange, emitDraftChange, RoomBroadcaster } from '../server/realtime/draftBroadcaster';
import { rooms } from '../server/realtime/rooms';
import { createRoomEmitter, RoomEmitter } from '../server/realtime/tickPublisher';
import type { ScreeningJobResult } from './processors/ScreeningProcessor';

/** Re-screening progress is announced at most this often per batch: clients then fetch the counts. */
const PROGRESS_INTERVAL_MS = 500;

/**
 * Tells the browsers what the worker's finished jobs changed: the draft a screening moved (to the
 * level-1 queue, or back to its editor) and the progress of re-screening batches. It publishes
 * through the Redis emitter on the channel every server's socket.io Redis adapter listens to, so
 * each server process delivers to its own sockets and each client hears each event once, however
 * many servers and workers there are. One message per event, pushed: the servers read nothing per
 * job that they do not deliver.
 */
export class ScreeningAnnouncer {
  private readonly out: RoomEmitter = createRoomEmitter('screening-announcer');
  private readonly emitter = this.out.emitter as unknown as RoomBroadcaster;
  private readonly pendingBatches = new Set<number>();
  private readonly progressTimer: NodeJS.Timeout;

  constructor() {
    this.progressTimer = setInterval(() => this.announceProgress(), PROGRESS_INTERVAL_MS);
    this.progressTimer.unref();
  }

  /** Called once a job has finished (after its transaction committed). */
  announce(result: ScreeningJobResult): void {
    if (result.change) this.announceChange(result.change);
    if (result.recorded && result.trigger.startsWith('rescreen-')) this.announceBatch(Number(result.trigger.replace('rescreen-', '')));
  }

  /** A re-screening batch whose figures changed (announced with the next round of progress). */
  announceBatch(batchId: number): void {
    this.pendingBatches.add(batchId);
  }

  /**
   * A draft the machine could not pre-screen went to the reviewers (see ReconcileScreeningTask): the
   * admins and auditors, whose dashboard lists such drafts, hear its number and unit, no content.
   */
  announceMachineFailure(change: DraftChange): void {
    try {
      this.emitter.to([rooms.systemAdmins(), rooms.securityAdmins(), rooms.auditors()]).emit('screening:failed', { id: change.id, unitId: change.unitId, at: change.at });
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'could not announce a screening failure');
    }
  }

  /** A draft the worker moved, after the transaction that moved it committed. */
  announceChange(change: DraftChange): void {
    try {
      emitDraftChange(this.emitter, change);
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'could not announce a screening result');
    }
  }

  private announceProgress(): void {
    for (const batchId of this.pendingBatches) this.emitter.to(rooms.securityAdmins()).emit('rescreen:progress', { batchId });
    this.pendingBatches.clear();
  }

  async close(): Promise<void> {
    clearInterval(this.progressTimer);
    this.announceProgress();
    await this.out.close();
  }
}
