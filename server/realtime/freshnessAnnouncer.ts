import { rooms } from './rooms';
import { createRoomEmitter, RoomEmitter } from './tickPublisher';

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
  private readonly out: RoomEmitter = createRoomEmitter('freshness-announcer');

  announce(change: FreshnessChange): void {
    this.out.emitter.to([rooms.systemAdmins(), rooms.auditors(), rooms.unitEditors(change.unitId)]).emit('freshness:changed', change);
  }

  close(): Promise<void> {
    return this.out.close();
  }
}
