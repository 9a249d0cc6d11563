import type { Server } from 'socket.io';
import { socketAllowed } from '../auth/sessionChecks';
import { env } from '../env';
import { logger } from '../logger';
import { User } from '../models';
import { DurableSessionStore } from '../storage/DurableSessionStore';

/** A minute; a sixth of the idle timeout when that is shorter (tests), but not under a second. */
export function sweepIntervalMs(): number {
  return Math.min(60_000, Math.max(1_000, (env().SESSION_IDLE_MINUTES * 60_000) / 6));
}

/**
 * Ends this process's sockets whose session has ended in any way: idle timeout, logout, a new
 * login in the same browser, the account disabled, its password changed or reset (also from the
 * command line, where no socket.io server can drop them). One batched read per interval for all the
 * process's sockets (their sessions, then their users), not one per socket.
 */
export function startSocketSessionSweeper(io: Server, store: DurableSessionStore, intervalMs = sweepIntervalMs()): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweep(io, store)
      .catch((error) => logger.warn({ err: (error as Error).message }, 'sessions of live sockets not re-checked'))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

async function sweep(io: Server, store: DurableSessionStore): Promise<void> {
  const sockets = [...io.of('/').sockets.values()];
  if (!sockets.length) return;
  const sessions = await store.liveSessions([...new Set(sockets.map((socket) => socket.data.sessionId as string))]);
  const users = await User.findAll({ where: { id: [...new Set(sockets.map((socket) => socket.data.userId as number))] } });
  const byId = new Map(users.map((user) => [user.id, user]));
  for (const socket of sockets) {
    const session = sessions.get(socket.data.sessionId as string);
    if (!session || !(await socketAllowed(session, byId.get(socket.data.userId as number)))) socket.disconnect(true);
  }
}
