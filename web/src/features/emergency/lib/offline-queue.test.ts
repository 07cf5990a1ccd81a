import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfflineQueue, queueRetryDelayMs, type SendOutcome, type Transport } from './offline-queue';
import { indexedDbQueueStore, type QueuedWrite } from './queue-store';

/**
 * A server that follows the API's sync rule: each idempotency key applied once (a replay answers the receipt), only the
 * sequence number it expects next (else "send as N"), and a refused item does not use up its number.
 */
function fakeServer() {
  const applied: { caseId: string; seq: number; payload: unknown }[] = [];
  const seen = new Map<string, number>();
  const expected = new Map<string, number>();
  let online = true;
  let refuse: ((write: QueuedWrite) => boolean) | null = null;
  const calls: string[] = [];
  const transport: Transport = async (write): Promise<SendOutcome> => {
    calls.push(`${write.caseId}#${write.seq}`);
    if (!online) throw new TypeError('Failed to fetch');
    if (seen.has(write.key)) {
      if (seen.get(write.key) !== write.seq) throw new Error('idempotency key reused with another number');
      return { kind: 'sent' };
    }
    const next = expected.get(write.caseId) ?? 1;
    if (write.seq !== next) return { kind: 'resequence', expected: next };
    if (refuse?.(write)) return { kind: 'rejected', rejection: { status: 422, code: 'emergency_vitals_out_of_range', detail: null, fieldCodes: {} } };
    seen.set(write.key, write.seq);
    expected.set(write.caseId, next + 1);
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
    expect((await store.list()).map((w) => `${w.caseId}#${w.order}`).sort()).toEqual(['case-a#1', 'case-a#2', 'case-a#3', 'case-b#1']);

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
    expect(third.order).toBe(3);

    server.setOnline(true);
    await after.flush();
    expect(server.applied.map((a) => a.seq)).toEqual([1, 2, 3]);
    expect(after.waitingCount()).toBe(0);

    // Numbers go on after the writes are gone (the server expects 4 next).
    await after.enqueue('case-a', 'vitals', { n: 4 });
    await after.flush();
    expect(server.applied.map((a) => a.seq)).toEqual([1, 2, 3, 4]);
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
      if (write.order === 1 && failFirst) {
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

  it('keeps a refused write aside with its reason, gives its number to the next one, and lets the crew discard it', async () => {
    const server = fakeServer();
    server.refuseWhen((write) => (write.payload as { heartRate?: number }).heartRate === 400);
    const queue = new OfflineQueue(indexedDbQueueStore(new IDBFactory(), 'refused'), server.transport, { isOnline: () => true, newKey, retryDelayMs: () => 60_000 });
    await queue.start(windowTarget());
    await queue.enqueue('case-a', 'vitals', { heartRate: 400 });
    await queue.enqueue('case-a', 'vitals', { heartRate: 90 });
    await queue.flush();

    expect(server.applied).toEqual([{ caseId: 'case-a', seq: 1, payload: { heartRate: 90 } }]);
    const [refused] = queue.pending('case-a');
    expect(refused?.rejected?.code).toBe('emergency_vitals_out_of_range');
    expect(queue.waitingCount('case-a')).toBe(0);

    await queue.flush();
    expect(server.calls).toEqual(['case-a#1', 'case-a#1']);
    await queue.discard(refused!.key);
    expect(queue.pending()).toEqual([]);
    queue.stop();
  });

  it('renumbers when the server expects another number (another crew phone wrote to the case) and applies each write once', async () => {
    const server = fakeServer();
    const factory = new IDBFactory();
    const phoneA = new OfflineQueue(indexedDbQueueStore(factory, 'phone-a'), server.transport, { isOnline: () => true, newKey, retryDelayMs: () => 60_000 });
    const phoneB = new OfflineQueue(indexedDbQueueStore(factory, 'phone-b'), server.transport, { isOnline: () => true, newKey, retryDelayMs: () => 60_000 });
    await phoneA.start(windowTarget());
    await phoneB.start(windowTarget());
    await phoneA.enqueue('case-a', 'start', { by: 'a', n: 1 });
    await phoneA.enqueue('case-a', 'vitals', { by: 'a', n: 2 });
    await phoneA.flush();
    // Phone B never wrote to this case: it starts from 1 and is told to send as 3, then 4.
    await phoneB.enqueue('case-a', 'vitals', { by: 'b', n: 1 });
    await phoneB.enqueue('case-a', 'vitals', { by: 'b', n: 2 });
    await phoneB.flush();
    await phoneA.enqueue('case-a', 'vitals', { by: 'a', n: 3 });
    await phoneA.flush();

    expect(server.applied.map((a) => `${a.seq}:${JSON.stringify(a.payload)}`)).toEqual([
      '1:{"by":"a","n":1}',
      '2:{"by":"a","n":2}',
      '3:{"by":"b","n":1}',
      '4:{"by":"b","n":2}',
      '5:{"by":"a","n":3}',
    ]);
    expect(phoneA.waitingCount() + phoneB.waitingCount()).toBe(0);
    phoneA.stop();
    phoneB.stop();
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
