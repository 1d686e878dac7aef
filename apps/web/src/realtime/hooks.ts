import { useEffect, useState } from 'react';
import { ClientEvent, jobRoom, type JobSubscribePayload, type SubscribeAck } from '@bluetick/contracts';
import { useLatest } from '../lib/use-latest';
import { useRealtime } from './SocketProvider';
import type { AppSocket, ServerToClientEvents } from './socket-types';

const ACK_TIMEOUT_MS = 10_000;

/** Listens to a server event for as long as the component is mounted. */
export function useSocketEvent<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): void {
  const { socket } = useRealtime();
  const latest = useLatest(handler);
  useEffect(() => {
    if (!socket) return;
    const listener = ((payload: Parameters<ServerToClientEvents[E]>[0]) =>
      (latest.current as (p: typeof payload) => void)(payload)) as ServerToClientEvents[E];
    // socket.io's typings cannot follow a generic event name: the listener matches `event` by construction.
    const untyped = socket as unknown as { on(e: string, l: unknown): void; off(e: string, l: unknown): void };
    untyped.on(event, listener);
    return () => untyped.off(event, listener);
  }, [socket, event, latest]);
}

interface Room {
  /** Changes when the room does: re-joins then. */
  key: string;
  join: (socket: AppSocket) => Promise<SubscribeAck>;
  leave?: (socket: AppSocket) => void;
}

/**
 * Joins a room now and after every reconnect (rooms do not survive one), calling `onJoined`
 * each time the server acknowledges, so the page can refetch what it may have missed.
 */
function useRoom(room: Room | null, onJoined: () => void): { error: string | null } {
  const { socket } = useRealtime();
  const [error, setError] = useState<string | null>(null);
  const latestRoom = useLatest(room);
  const latestOnJoined = useLatest(onJoined);
  const key = room?.key ?? null;

  useEffect(() => {
    const current = latestRoom.current;
    if (!socket || !current) return;
    let alive = true;
    const join = () => {
      current.join(socket).then(
        (ack) => {
          if (!alive) return;
          setError(ack.ok ? null : ack.error);
          if (ack.ok) latestOnJoined.current();
        },
        () => alive && setError('The server did not confirm live updates.'),
      );
    };
    if (socket.connected) join();
    socket.on('connect', join);
    return () => {
      alive = false;
      socket.off('connect', join);
      if (socket.connected) current.leave?.(socket);
    };
  }, [socket, key, latestRoom, latestOnJoined]);

  return { error };
}

export function useJobRoom(jobId: string, onJoined: () => void) {
  const payload: JobSubscribePayload = { jobId };
  return useRoom(
    {
      key: jobRoom(jobId),
      join: (socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.JobSubscribe, payload),
      leave: (socket) => socket.emit(ClientEvent.JobUnsubscribe, payload, () => undefined),
    },
    onJoined,
  );
}

export function useOutboxRoom(onJoined: () => void) {
  return useRoom(
    { key: 'outbox-list', join: (socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.OutboxSubscribe, {}) },
    onJoined,
  );
}
