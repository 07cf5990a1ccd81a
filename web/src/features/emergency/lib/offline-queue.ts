import type { NewQueuedWrite, QueuedRejection, QueuedWrite, QueueStore } from './queue-store';

/**
 * What sending one write came to:
 * - sent: the server applied it (or had already: a replay of the same key answers the original result);
 * - retry: not now (no network, server busy); the same key and number go again later;
 * - resequence: the server applied nothing because it expects another number next for the case (a gap, or another
 *   phone of the crew used the number): send again at once as `expected`;
 * - rejected: the server refuses it for good (e.g. a value outside physiological limits) and applied nothing, so its
 *   number is not used up; it is kept aside with the reason for the crew to read.
 */
export type SendOutcome =
  | { kind: 'sent'; result?: unknown }
  | { kind: 'retry' }
  | { kind: 'resequence'; expected: number }
  | { kind: 'rejected'; rejection: QueuedRejection };

export type Transport = (write: QueuedWrite) => Promise<SendOutcome>;

export interface OfflineQueueOptions {
  isOnline?: () => boolean;
  /** Delay before the n-th retry (0-based) after a failed round. */
  retryDelayMs?: (retryIndex: number) => number;
  newKey?: () => string;
  now?: () => Date;
}

/** Retry soon, then back off to once a minute: an ambulance may be out of signal for a long time. */
export function queueRetryDelayMs(retryIndex: number, random: () => number = Math.random): number {
  const base = [1_000, 2_000, 5_000, 10_000, 30_000][retryIndex] ?? 60_000;
  return Math.round(base * (0.8 + random() * 0.4));
}

export interface QueueSnapshot {
  writes: readonly QueuedWrite[];
  sending: boolean;
}

/**
 * The crew's outbox: every write is stored first (QueueStore), then sent in order, case by case, whenever there is a
 * network. A write leaves the store only once the server has applied it; sending it twice is harmless because it
 * carries the same idempotency key every time. Writes of one case go strictly in sequence order: if one cannot be sent
 * now, the ones after it wait, so the server never sees a gap from this phone.
 */
export class OfflineQueue {
  private writes: QueuedWrite[] = [];
  private loaded: Promise<void> | null = null;
  private flushing: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  private retryIndex = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private snapshotCache: QueueSnapshot = { writes: [], sending: false };
  private readonly isOnline: () => boolean;
  private readonly delay: (retryIndex: number) => number;
  private readonly newKey: () => string;
  private readonly now: () => Date;
  private detach: (() => void) | null = null;

  constructor(
    private readonly store: QueueStore,
    private readonly transport: Transport,
    options: OfflineQueueOptions = {},
  ) {
    this.isOnline = options.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
    this.delay = options.retryDelayMs ?? ((index) => queueRetryDelayMs(index));
    this.newKey = options.newKey ?? (() => crypto.randomUUID());
    this.now = options.now ?? (() => new Date());
  }

  /** Reads what an earlier page view left in the store; sends it when online; sends again on every 'online'. */
  start(target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): Promise<void> {
    if (!this.detach) {
      const online = () => {
        // Note: back in signal: try at once instead of waiting out the backoff.
        this.retryIndex = 0;
        void this.flush();
      };
      target.addEventListener('online', online);
      this.detach = () => target.removeEventListener('online', online);
    }
    return this.flush();
  }

  stop(): void {
    this.detach?.();
    this.detach = null;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** Records a write on the phone (it is safe from here on) and tries to send it. */
  async enqueue(caseId: string, kind: string, payload: unknown): Promise<QueuedWrite> {
    await this.load();
    const write: NewQueuedWrite = { key: this.newKey(), caseId, kind, payload, recordedAt: this.now().toISOString() };
    const stored = await this.store.add(write);
    this.writes = [...this.writes, stored];
    this.emit();
    void this.flush();
    return stored;
  }

  /** The crew gives up on a refused write (after reading why). */
  async discard(key: string): Promise<void> {
    await this.load();
    await this.store.remove(key);
    this.writes = this.writes.filter((write) => write.key !== key);
    this.emit();
  }

  /**
   * Sends everything that can go now, in order. A call while a round is running waits for it and then runs one more
   * round (shared by every call made meanwhile), so what was enqueued just before is always tried.
   */
  flush(): Promise<void> {
    if (this.flushing) {
      this.next ??= this.flushing.then(() => {
        this.next = null;
        return this.flush();
      });
      return this.next;
    }
    this.flushing = (async () => {
      try {
        await this.load();
        await this.round();
      } finally {
        this.flushing = null;
        this.emit();
      }
    })();
    this.emit();
    return this.flushing;
  }

  /** Writes not yet applied by the server (waiting or refused), of one case or of all. */
  pending(caseId?: string): QueuedWrite[] {
    return this.ordered().filter((write) => caseId === undefined || write.caseId === caseId);
  }

  waitingCount(caseId?: string): number {
    return this.pending(caseId).filter((write) => !write.rejected).length;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): QueueSnapshot => this.snapshotCache;

  private load(): Promise<void> {
    this.loaded ??= this.store.list().then((writes) => {
      // Note: enqueue may have run while loading; keep both (keys are unique).
      const known = new Set(this.writes.map((write) => write.key));
      this.writes = [...this.writes, ...writes.filter((write) => !known.has(write.key))];
      this.emit();
    });
    this.loaded.catch(() => (this.loaded = null));
    return this.loaded;
  }

  private ordered(): QueuedWrite[] {
    return [...this.writes].sort((a, b) => (a.caseId === b.caseId ? a.order - b.order : a.recordedAt.localeCompare(b.recordedAt) || a.caseId.localeCompare(b.caseId)));
  }

  /** One pass over every case; if something could not be sent, a retry is scheduled. */
  private async round(): Promise<void> {
    if (!this.isOnline()) return;
    const cases = new Map<string, QueuedWrite[]>();
    for (const write of this.ordered()) {
      if (write.rejected) continue;
      cases.set(write.caseId, [...(cases.get(write.caseId) ?? []), write]);
    }
    let failed = false;
    for (const writes of cases.values()) {
      for (const write of writes) {
        const outcome = await this.sendOne(write);
        if (outcome === 'retry') {
          failed = true;
          // Note: the rest of this case waits behind it (order), other cases may still go.
          break;
        }
      }
    }
    if (failed) this.scheduleRetry();
    else this.retryIndex = 0;
  }

  private async sendOne(original: QueuedWrite): Promise<'done' | 'retry'> {
    let write = original;
    // Note: a few renumberings in a row at most (another phone writing to the same case at the same moment).
    for (let attempt = 0; attempt < 5; attempt++) {
      let seq = write.seq;
      if (seq === null) {
        // Note: the number is fixed before the first send and kept for every resend of this key (a lost answer).
        seq = await this.store.nextSequence(write.caseId);
        write = { ...write, seq };
        await this.save(write);
      }
      let outcome: SendOutcome;
      try {
        outcome = await this.transport(write);
      } catch {
        outcome = { kind: 'retry' };
      }
      switch (outcome.kind) {
        case 'sent':
          await this.store.setNextSequence(write.caseId, seq + 1);
          await this.store.remove(write.key);
          this.writes = this.writes.filter((other) => other.key !== write.key);
          this.emit();
          return 'done';
        case 'rejected':
          // Note: nothing applied and the number not used up: the next write of the case takes it.
          await this.save({ ...write, seq: null, attempts: write.attempts + 1, rejected: outcome.rejection });
          return 'done';
        case 'resequence':
          // Note: nothing was applied under this key; a new key too, so the server never sees one key with two numbers.
          await this.store.setNextSequence(write.caseId, outcome.expected);
          write = { ...write, key: this.newKey(), seq: outcome.expected, attempts: write.attempts + 1 };
          await this.store.remove(original.key);
          this.writes = this.writes.filter((other) => other.key !== original.key);
          await this.save(write);
          original = write;
          continue;
        case 'retry':
          await this.save({ ...write, attempts: write.attempts + 1 });
          return 'retry';
      }
    }
    return 'retry';
  }

  private async save(write: QueuedWrite): Promise<void> {
    await this.store.update(write);
    const known = this.writes.some((other) => other.key === write.key);
    this.writes = known ? this.writes.map((other) => (other.key === write.key ? write : other)) : [...this.writes, write];
    this.emit();
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    const wait = this.delay(this.retryIndex);
    this.retryIndex++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush();
    }, wait);
  }

  private emit(): void {
    this.snapshotCache = { writes: this.ordered(), sending: this.flushing !== null };
    for (const listener of [...this.listeners]) listener();
  }
}
