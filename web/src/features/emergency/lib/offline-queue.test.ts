import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfflineQueue, queueRetryDelayMs, type SendOutcome, type Transport } from './offline-queue';
import { indexedDbQueueStore, type QueuedWrite } from './queue-store';

/** A server that applies each idempotency key once, in sequence order per case, like the API. */
function fakeServer() {
  const applied: { caseId: string; seq: number; payload: unknown }[] = [];
  const seen = new Set<string>();
  const expected = new Map<string, number>();
  let online = true;
  let refuse: ((write: QueuedWrite) => boolean) | null = null;
  const calls: string[] = [];
  const transport: Transport = async (write): Promise<SendOutcome> => {
    calls.push(`${write.caseId}#${write.seq}`);
    if (!online) throw new TypeError('Failed to fetch');
    if (seen.has(write.key)) return { kind: 'sent' };
    const next = expected.get(write.caseId) ?? 1;
    if (write.seq !== next) return { kind: 'retry' };
    seen.add(write.key);
    expected.set(write.caseId, next + 1);
    if (refuse?.(write)) return { kind: 'rejected', rejection: { status: 422, code: 'vital_out_of_range', detail: null, fieldCodes: {} } };
    applied.push({ caseId: write.caseId, seq: write.seq, payload: write.payload });
    return { kind: 'sent' };
  };
  return {
    transport,
    applied,
    calls,
    setOnline: (value: boolean) => (online = value),
    isOnline: () => online,
    refuseWhen: (predicate: (write: QueuedWrite) => boolean) => (refuse = predicate),
  };
}

let keyCounter = 0;
const newKey = () => `key-${++keyCounter}`;

function windowTarget() {
  return new EventTarget() as unknown as Window;
}

describe('OfflineQueue', () => {
  afterEach(() => vi.useRealTimers());

  it('stores each write before sending and sends every case in the order it was recorded', async () => {
    const server = fakeServer();
    const store = indexedDbQueueStore(new IDBFactory(), 'order');
    const queue = new OfflineQueue(store, server.transport, { isOnline: server.isOnline, newKey, retryDelayMs: () => 60_000 });
    server.setOnline(false);
    await queue.start(windowTarget());

    await queue.enqueue('case-a', 'start', { n: 1 });
    await queue.enqueue('case-b', 'start', { n: 1 });
    await queue.enqueue('case-a', 'vitals', { n: 2 });
    await queue.enqueue('case-a', 'vitals', { n: 3 });
    await queue.flush();

    expect(server.applied).toEqual([]);
    expect(queue.waitingCount('case-a')).toBe(3);
    expect(queue.waitingCount('case-b')).toBe(1);
    expect((await store.list()).map((w) => `${w.caseId}#${w.seq}`).sort()).toEqual(['case-a#1', 'case-a#2', 'case-a#3', 'case-b#1']);

    server.setOnline(true);
    await queue.flush();

    expect(server.applied.filter((a) => a.caseId === 'case-a').map((a) => a.payload)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(server.applied.filter((a) => a.caseId === 'case-b')).toHaveLength(1);
    expect(queue.waitingCount()).toBe(0);
    expect(await store.list()).toEqual([]);
    queue.stop();
  });

  it('survives a reload: a new queue on the same database sends what the old page left, and keeps numbering', async () => {
    const server = fakeServer();
    const factory = new IDBFactory();
    server.setOnline(false);
    const first = indexedDbQueueStore(factory, 'reload');
    const before = new OfflineQueue(first, server.transport, { isOnline: server.isOnline, newKey, retryDelayMs: () => 60_000 });
    await before.start(windowTarget());
    await before.enqueue('case-a', 'start', { n: 1 });
    await before.enqueue('case-a', 'vitals', { n: 2 });
    before.stop();
    await first.close();

    // The page reloads, still offline.
    const second = indexedDbQueueStore(factory, 'reload');
    const after = new OfflineQueue(second, server.transport, { isOnline: server.isOnline, newKey, retryDelayMs: () => 60_000 });
    await after.start(windowTarget());
    expect(after.waitingCount('case-a')).toBe(2);
    const third = await after.enqueue('case-a', 'vitals', { n: 3 });
    expect(third.seq).toBe(3);

    server.setOnline(true);
    await after.flush();
    expect(server.applied.map((a) => a.seq)).toEqual([1, 2, 3]);
    expect(after.waitingCount()).toBe(0);

    // Numbers are never reused after the writes are gone.
    server.setOnline(false);
    expect((await after.enqueue('case-a', 'vitals', { n: 4 })).seq).toBe(4);
    after.stop();
  });

  it('applies a write once when its answer was lost and it is sent again', async () => {
    const server = fakeServer();
    let loseAnswer = true;
    const transport: Transport = async (write) => {
      const outcome = await server.transport(write);
      if (loseAnswer) {
        // The server applied it, but the connection dropped before the answer came back.
        loseAnswer = false;
        throw new TypeError('Network connection lost');
      }
      return outcome;
    };
    let online = false;
    const queue = new OfflineQueue(indexedDbQueueStore(new IDBFactory(), 'replay'), transport, { isOnline: () => online, newKey, retryDelayMs: () => 60_000 });
    await queue.start(windowTarget());
    await queue.enqueue('case-a', 'vitals', { n: 1 });
    online = true;
    await queue.flush();
    expect(queue.waitingCount()).toBe(1);

    await queue.flush();
    expect(server.calls).toEqual(['case-a#1', 'case-a#1']);
    expect(server.applied).toHaveLength(1);
    expect(queue.waitingCount()).toBe(0);
    queue.stop();
  });

  it('holds the later writes of a case back while an earlier one cannot be sent, and never sends them out of order', async () => {
    const server = fakeServer();
    let failFirst = true;
    const transport: Transport = async (write) => {
      if (write.seq === 1 && failFirst) {
        failFirst = false;
        return { kind: 'retry' };
      }
      return server.transport(write);
    };
    let online = false;
    const queue = new OfflineQueue(indexedDbQueueStore(new IDBFactory(), 'hold'), transport, { isOnline: () => online, newKey, retryDelayMs: () => 60_000 });
    await queue.start(windowTarget());
    await queue.enqueue('case-a', 'start', { n: 1 });
    await queue.enqueue('case-a', 'vitals', { n: 2 });
    online = true;
    await queue.flush();
    // seq 1 could not go this time: seq 2 must not have been tried after it.
    expect(server.calls).toEqual([]);
    expect(queue.waitingCount('case-a')).toBe(2);
    await queue.flush();
    expect(server.applied.map((a) => a.seq)).toEqual([1, 2]);
    queue.stop();
  });

  it('keeps a refused write with its reason, goes on with the next ones, and lets the crew discard it', async () => {
    const server = fakeServer();
    server.refuseWhen((write) => (write.payload as { heartRate?: number }).heartRate === 400);
    const queue = new OfflineQueue(indexedDbQueueStore(new IDBFactory(), 'refused'), server.transport, { isOnline: () => true, newKey, retryDelayMs: () => 60_000 });
    await queue.start(windowTarget());
    await queue.enqueue('case-a', 'vitals', { heartRate: 400 });
    await queue.enqueue('case-a', 'vitals', { heartRate: 90 });
    await queue.flush();

    expect(server.applied.map((a) => a.payload)).toEqual([{ heartRate: 90 }]);
    const [refused] = queue.pending('case-a');
    expect(refused?.rejected?.code).toBe('vital_out_of_range');
    expect(queue.waitingCount('case-a')).toBe(0);

    await queue.flush();
    expect(server.calls).toEqual(['case-a#1', 'case-a#2']);
    await queue.discard(refused!.key);
    expect(queue.pending()).toEqual([]);
    queue.stop();
  });

  it('sends by itself when the browser says it is back online, and retries with backoff while it is not', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const server = fakeServer();
    server.setOnline(false);
    const target = windowTarget();
    let browserOnline = true;
    const queue = new OfflineQueue(indexedDbQueueStore(new IDBFactory(), 'events'), server.transport, {
      isOnline: () => browserOnline,
      newKey,
      retryDelayMs: (index) => (index + 1) * 1_000,
    });
    await queue.start(target);
    await queue.enqueue('case-a', 'vitals', { n: 1 });
    await vi.waitFor(() => expect(server.calls).toHaveLength(1));
    await vi.waitFor(() => expect(vi.getTimerCount()).toBe(1));
    // Backoff: the next try after 1 s.
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(server.calls).toHaveLength(2));
    browserOnline = false;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.calls).toHaveLength(2);

    server.setOnline(true);
    browserOnline = true;
    target.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(server.applied).toHaveLength(1));
    expect(queue.waitingCount()).toBe(0);
    queue.stop();
  });

  it('backs off from about a second to about a minute', () => {
    expect(queueRetryDelayMs(0, () => 0.5)).toBe(1_000);
    expect(queueRetryDelayMs(4, () => 0.5)).toBe(30_000);
    expect(queueRetryDelayMs(50, () => 0.5)).toBe(60_000);
    expect(queueRetryDelayMs(0, () => 0)).toBe(800);
  });
});
