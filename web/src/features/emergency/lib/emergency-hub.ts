import type { HubConnection } from '@microsoft/signalr';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { getSignedInUser, refreshTokens } from '@/lib/oidc';
import { emergencyKey } from '../api/emergency';
import { videoCallEventSchema, type VideoCallEvent } from '../api/schemas';

export const EMERGENCY_HUB_PATH = '/hubs/emergency';

async function accessToken(): Promise<string> {
  const user = (await getSignedInUser()) ?? (await refreshTokens());
  if (!user?.access_token) throw new Error('Emergency hub: not signed in.');
  return user.access_token;
}

/** The board's and the case channel's SignalR connection, open only while such a page is. An object so tests replace it. */
export const emergencyHubTransport = {
  async create(): Promise<HubConnection> {
    const { HubConnectionBuilder, LogLevel } = await import('@microsoft/signalr');
    return new HubConnectionBuilder()
      .withUrl(new URL(EMERGENCY_HUB_PATH, window.location.origin).href, { accessTokenFactory: accessToken, withCredentials: false })
      // Note: a board on the wall must come back by itself, however long the outage.
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => [0, 1_000, 2_000, 5_000][context.previousRetryCount] ?? 10_000 })
      .configureLogging(import.meta.env.DEV ? LogLevel.Information : LogLevel.Warning)
      .build();
  },
};

export type HubWatch = { board?: boolean; crew?: boolean; caseId?: string };
export type HubState = 'connecting' | 'live' | 'lost';

/**
 * Keeps the emergency queries fresh: every `caseUpdated`/`channelUpdated` event (and every reconnect, when events may
 * have been missed) refetches them. The payloads are not trusted for display; the refetch is.
 */
export function useEmergencyHub(watch: HubWatch, onVideoCall?: (call: VideoCallEvent) => void): HubState {
  const queryClient = useQueryClient();
  const onVideoCallRef = useRef(onVideoCall);
  onVideoCallRef.current = onVideoCall;
  const [state, setState] = useState<HubState>('connecting');
  const { board = false, crew = false, caseId } = watch;

  useEffect(() => {
    let connection: HubConnection | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: emergencyKey });
    const join = async (hub: HubConnection) => {
      if (board) await hub.invoke('WatchBoard');
      if (crew) await hub.invoke('WatchCrew');
      if (caseId) await hub.invoke('WatchCase', caseId);
    };
    const start = async () => {
      try {
        if (!connection) {
          connection = await emergencyHubTransport.create();
          wire(connection);
        }
        if (stopped) return;
        await connection.start();
        await join(connection);
        if (!stopped) setState('live');
      } catch {
        if (stopped) return;
        setState('lost');
        retry = setTimeout(() => void start(), 5_000);
      }
    };
    const wire = (connection: HubConnection) => {
        connection.on('caseUpdated', refresh);
        connection.on('channelUpdated', refresh);
        connection.on('videoCall', (payload: unknown) => {
          const call = videoCallEventSchema.safeParse(payload);
          if (call.success) onVideoCallRef.current?.(call.data);
          refresh();
        });
        connection.onreconnecting(() => setState('lost'));
        connection.onreconnected(() => {
          setState('live');
          refresh();
          void join(connection).catch(() => undefined);
        });
        connection.onclose(() => {
          if (stopped) return;
          setState('lost');
          retry = setTimeout(() => void start(), 5_000);
        });
    };
    void start();
    return () => {
      stopped = true;
      clearTimeout(retry);
      void connection?.stop().catch(() => undefined);
    };
  }, [board, crew, caseId, queryClient]);

  return state;
}
