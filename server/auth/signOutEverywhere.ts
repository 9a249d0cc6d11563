import { realtimeServer } from '../realtime/draftBroadcaster';
import { rooms } from '../realtime/rooms';

/**
 * Drops the live socket.io connections of an account on every server process (through the Redis
 * adapter). Its HTTP sessions end by themselves at their next request: `authenticate` reloads the
 * account and refuses disabled accounts and sessions older than the last password change.
 */
export function dropLiveConnections(userId: number): void {
  realtimeServer()?.in(rooms.user(userId)).disconnectSockets(true);
}

/**
 * Drops the live connections of an account's sessions but one (the one that changed the password),
 * on every server process: the other sessions ended, so their sockets end too.
 */
export function dropOtherConnections(userId: number, keptSessionId: string): void {
  realtimeServer()?.in(rooms.user(userId)).except(rooms.session(keptSessionId)).disconnectSockets(true);
}
