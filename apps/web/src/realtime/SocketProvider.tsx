import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { io } from 'socket.io-client';
import { useQueryClient } from '@tanstack/react-query';
import { SOCKET_PATH } from '@bluetick/contracts';
import { queryKeys } from '../api/query-keys';
import type { AppSocket, ConnectionStatus } from './socket-types';

interface Realtime {
  socket: AppSocket | null;
  status: ConnectionStatus;
}

const RealtimeContext = createContext<Realtime>({ socket: null, status: 'connecting' });

/** After the server refused or dropped us, try again this much later. */
const MANUAL_RETRY_MS = 5_000;

/**
 * One Socket.IO connection per signed-in session, the token in the handshake's auth.
 * On every reconnect it refetches what the page shows: Socket.IO does not replay missed events.
 */
export function SocketProvider({ token, children }: { token: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [realtime, setRealtime] = useState<Realtime>({ socket: null, status: 'connecting' });

  useEffect(() => {
    // WebSocket only: no long-polling, so instances behind a load balancer need no sticky sessions.
    const socket: AppSocket = io({ path: SOCKET_PATH, auth: { token }, transports: ['websocket'] });
    let connectedBefore = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const setStatus = (status: ConnectionStatus) => setRealtime({ socket, status });

    // Not retried by Socket.IO itself (refused by the server's auth, or kicked out):
    // check the session (a 401 signs out) and try again later.
    const retryLater = () => {
      clearTimeout(retry);
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      retry = setTimeout(() => socket.connect(), MANUAL_RETRY_MS);
    };

    socket.on('connect', () => {
      setStatus('live');
      if (connectedBefore) void queryClient.invalidateQueries();
      connectedBefore = true;
    });
    socket.on('disconnect', (reason) => {
      setStatus('reconnecting');
      if (reason === 'io server disconnect') retryLater();
    });
    socket.on('connect_error', () => {
      setStatus(connectedBefore ? 'reconnecting' : 'connecting');
      if (!socket.active) retryLater();
    });
    setStatus('connecting');

    return () => {
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [token, queryClient]);

  return <RealtimeContext.Provider value={realtime}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): Realtime {
  return useContext(RealtimeContext);
}
