import { createContext, ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { io, Socket } from 'socket.io-client';
import { sessionStillHolds } from './api';
import { useSession } from './session';

/** How long to wait before connecting again after the server refused or dropped the connection. */
const RETRY_MS = 5000;

/**
 * One socket.io connection for the signed-in user. Events missed while disconnected are not
 * replayed, so every page re-fetches its state after each reconnect (useResync), the drafts
 * being watched are watched again, and the session is read again: the server drops the socket
 * when an admin changes the user's role, level or unit, and the header and pages must show the
 * new ones.
 */
interface Live {
  socket: Socket | null;
  connected: boolean;
}

const LiveContext = createContext<Live>({ socket: null, connected: false });

export function LiveProvider({ userId, children }: { userId: number | null; children: ReactNode }) {
  const [socket, setSocket] = useState<Socket | null>(null);
  const [connected, setConnected] = useState(false);
  const { refresh } = useSession();
  const refreshSession = useRef(refresh);
  refreshSession.current = refresh;

  useEffect(() => {
    if (userId === null) return;
    const next = io({ path: '/socket.io', withCredentials: true, reconnectionDelayMax: 5000 });
    // The server ends a socket whose session ended (and refuses it again), and socket.io then stops
    // trying: ask whether the session holds; to the login page if not, else try again shortly.
    let retry: ReturnType<typeof setTimeout> | undefined;
    const recheck = () => {
      clearTimeout(retry);
      void sessionStillHolds().then((holds) => {
        if (holds) retry = setTimeout(() => next.connect(), RETRY_MS);
      });
    };
    let connectedBefore = false;
    next.on('connect', () => {
      setConnected(true);
      // Not the first connect: the session was read just before it.
      if (connectedBefore) void refreshSession.current().catch(() => undefined);
      connectedBefore = true;
    });
    next.on('disconnect', (reason) => {
      setConnected(false);
      if (reason === 'io server disconnect') recheck();
    });
    next.on('connect_error', () => {
      if (!next.active) recheck();
    });
    setSocket(next);
    return () => {
      clearTimeout(retry);
      next.disconnect();
      setSocket(null);
      setConnected(false);
    };
  }, [userId]);

  return <LiveContext.Provider value={{ socket, connected }}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  return useContext(LiveContext);
}

/** Calls the handler for every event of that name while the component is mounted. */
export function useLiveEvent<T>(name: string, handler: (payload: T) => void): void {
  const { socket } = useLive();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!socket) return;
    const listener = (payload: T) => latest.current(payload);
    socket.on(name, listener);
    return () => {
      socket.off(name, listener);
    };
  }, [socket, name]);
}

/** Calls `refetch` after every reconnect (not the first connect: the page fetched on mount). */
export function useResync(refetch: () => void): void {
  const { socket } = useLive();
  const latest = useRef(refetch);
  latest.current = refetch;
  useEffect(() => {
    if (!socket) return;
    let first = !socket.connected;
    const listener = () => {
      if (first) {
        first = false;
        return;
      }
      latest.current();
    };
    socket.on('connect', listener);
    return () => {
      socket.off('connect', listener);
    };
  }, [socket]);
}

/** Joins the draft's room (and again after every reconnect) to hear its claims and changes. */
export function useWatchDraft(draftId: number | null): void {
  const { socket } = useLive();
  useEffect(() => {
    if (!socket || draftId === null) return;
    const watch = () => socket.emit('draft:watch', { id: draftId });
    if (socket.connected) watch();
    socket.on('connect', watch);
    return () => {
      socket.off('connect', watch);
    };
  }, [socket, draftId]);
}
