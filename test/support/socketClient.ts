import { io, Socket } from 'socket.io-client';
import { ApiClient } from './apiClient';

/** A socket.io client that connects with an ApiClient's session cookie, as the console does. */
export async function connectSocket(client: ApiClient, options: { origin?: string; transports?: Array<'websocket' | 'polling'> } = {}): Promise<Socket> {
  const socket = io(client.baseUrl, {
    path: '/socket.io',
    transports: options.transports ?? ['websocket'],
    extraHeaders: { cookie: client.cookie ?? '', ...(options.origin ? { origin: options.origin } : {}) },
    reconnection: false,
    timeout: 5000,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

/** Resolves with the first event of that name whose payload matches, or rejects after a timeout. */
export function nextEvent<T = any>(socket: Socket, name: string, predicate: (payload: T) => boolean = () => true, timeoutMs = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(name, listener);
      reject(new Error(`no "${name}" event within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      socket.off(name, listener);
      resolve(payload);
    };
    socket.on(name, listener);
  });
}

/** Collects every event of a name, for asserting what did not arrive. */
export function collectEvents<T = any>(socket: Socket, name: string): T[] {
  const seen: T[] = [];
  socket.on(name, (payload: T) => seen.push(payload));
  return seen;
}

/** Resolves with the reason when the socket is disconnected, or rejects after a timeout. */
export function nextDisconnect(socket: Socket, timeoutMs = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}
