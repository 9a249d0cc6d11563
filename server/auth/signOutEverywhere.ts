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
