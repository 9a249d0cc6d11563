import type { Socket } from 'socket.io';
import { logger } from '../logger';
import { User } from '../models';
import { recordAudit } from './auditRecorder';

/** A socket event refused to a signed-in user is a denied attempt like an HTTP 403, and recorded as one. */
export async function recordSocketDenial(socket: Socket, user: User, what: string): Promise<void> {
  await recordAudit(
    { userId: user.id, username: user.username, role: user.role, ip: socket.handshake.address ?? null, requestId: null },
    { eventType: 'access.denied', objectType: 'socket', objectId: what.slice(0, 64), outcome: 'denied', detail: { reason: 'forbidden' } },
  ).catch((error: unknown) => logger.error({ err: error }, 'could not record a denied socket event'));
}
