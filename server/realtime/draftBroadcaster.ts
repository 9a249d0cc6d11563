import type { Server } from 'socket.io';
import { rooms } from './rooms';

/** What changed about a draft, as every listener receives it (no body: content stays in the API). */
export interface DraftChange {
  id: number;
  unitId: number;
  authorId: number;
  title: string;
  status: string;
  level: number | null;
  revision: number;
  verdict: string | null;
  previousStatus: string | null;
  previousLevel: number | null;
  /** ISO time of the change. */
  at: string;
}

let io: Server | undefined;

/** Set by the server process once socket.io is up; commands run elsewhere (CLI, worker) broadcast nothing. */
export function setRealtimeServer(server: Server | undefined): void {
  io = server;
}

export function realtimeServer(): Server | undefined {
  return io;
}

/**
 * Where a change is emitted: this process's socket.io server, or a Redis emitter, which publishes
 * on the channel every server's socket.io Redis adapter listens to (see workers/screeningAnnouncer).
 */
export interface RoomBroadcaster {
  to(room: string | string[]): RoomBroadcaster;
  emit(event: string, ...args: unknown[]): unknown;
}

/**
 * Emits a draft change to everyone entitled to see it: the unit's editors (its author among them
 * while they are an editor of the unit), whoever has the draft open, and the reviewers of the level
 * it left and of the level it entered. Not to the author's own room: an author moved to another
 * unit may no longer read the draft. Does nothing in a process without socket.io (the CLI; workers
 * announce through their emitter).
 */
export function broadcastDraftChange(change: DraftChange): void {
  if (io) emitDraftChange(io as unknown as RoomBroadcaster, change);
}

/** Emits a draft change through `target` (see broadcastDraftChange for who hears what). */
export function emitDraftChange(target: RoomBroadcaster, change: DraftChange): void {
  let emitter = target.to(rooms.unitEditors(change.unitId)).to(rooms.draft(change.id));
  if (change.previousStatus === 'in_review' && change.previousLevel) {
    emitter = emitter.to(rooms.reviewQueue(change.unitId, change.previousLevel));
  }
  if (change.status === 'in_review' && change.level) {
    emitter = emitter.to(rooms.reviewQueue(change.unitId, change.level));
  }
  emitter.emit('draft:changed', change);

  const left = change.previousStatus === 'in_review' && change.previousLevel && change.previousLevel !== change.level;
  if (left || (change.previousStatus === 'in_review' && change.status !== 'in_review')) {
    target.to(rooms.reviewQueue(change.unitId, change.previousLevel!)).emit('queue:left', {
      id: change.id,
      level: change.previousLevel,
      status: change.status,
      at: change.at,
    });
  }
  const entered = change.status === 'in_review' && change.level && (change.previousStatus !== 'in_review' || change.previousLevel !== change.level);
  if (entered) {
    target.to(rooms.reviewQueue(change.unitId, change.level!)).emit('queue:entered', {
      id: change.id,
      level: change.level,
      revision: change.revision,
      title: change.title,
      verdict: change.verdict,
      at: change.at,
    });
  }
}
