import { useEffect, useSyncExternalStore } from 'react';
import { OfflineQueue, type QueueSnapshot } from './offline-queue';
import { crewTransport, type CrewWriteKind } from './crew-transport';
import { indexedDbQueueStore, memoryQueueStore, type QueueStore } from './queue-store';

function defaultStore(): QueueStore {
  // Note: IndexedDB may be missing or refused (some private modes): the crew can still work, without reload safety.
  return typeof indexedDB === 'undefined' ? memoryQueueStore() : indexedDbQueueStore();
}

let queue: OfflineQueue | null = null;
let listenersAfterSend = new Set<() => void>();

/** The tab's one crew outbox (created on first use, so other pages never open the database). */
export function crewQueue(): OfflineQueue {
  queue ??= new OfflineQueue(defaultStore(), async (write) => {
    const outcome = await crewTransport(write);
    if (outcome.kind === 'sent') for (const listener of [...listenersAfterSend]) listener();
    return outcome;
  });
  return queue;
}

/** Tests replace the queue (e.g. with a fake-indexeddb store). */
export function setCrewQueue(next: OfflineQueue | null): void {
  queue?.stop();
  queue = next;
  listenersAfterSend = new Set();
}

export function enqueueCrewWrite(caseId: string, kind: CrewWriteKind, payload: unknown): Promise<unknown> {
  return crewQueue().enqueue(caseId, kind, payload);
}

/** Starts sending (and resending on 'online') while the crew's pages are open; re-renders on every queue change. */
export function useCrewQueue(onSent?: () => void): QueueSnapshot {
  const current = crewQueue();
  useEffect(() => {
    void current.start();
  }, [current]);
  useEffect(() => {
    if (!onSent) return;
    listenersAfterSend.add(onSent);
    return () => {
      listenersAfterSend.delete(onSent);
    };
  }, [onSent]);
  return useSyncExternalStore(current.subscribe, current.getSnapshot, current.getSnapshot);
}
