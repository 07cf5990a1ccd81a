/**
 * Where the crew's unsent writes wait: IndexedDB in the browser, so nothing recorded in the ambulance is lost when the
 * signal drops or the phone reloads the page. The queue (offline-queue.ts) talks to this interface only.
 */

/** Why the server refused a write for good (it will not be sent again; the crew sees the reason). */
export interface QueuedRejection {
  status: number;
  code: string | null;
  detail: string | null;
  /** Field → codes from the problem details, to show the reason next to the value. */
  fieldCodes: Record<string, string[]>;
}

/** One write recorded on the phone, sent later with its idempotency key and its place in the case's order. */
export interface QueuedWrite {
  /** The idempotency key: the server applies a key once and answers a replay with the original result. */
  key: string;
  /** The case it belongs to (the id the phone chose when the case was started, so it works offline too). */
  caseId: string;
  /** 1, 2, 3… per case, in the order the crew recorded them (local: the order they are sent in). */
  order: number;
  /**
   * The case's sequence number it was sent with (X-Client-Sequence), null until first sent. Kept for every resend of
   * the same key; given anew only when the server says the number is not the one it expects (nothing was applied).
   */
  seq: number | null;
  /** What it is (start, vitals, photo…): the transport turns it into a request. */
  kind: string;
  payload: unknown;
  /** When the crew recorded it (ISO): the server keeps this time, not the time it arrived. */
  recordedAt: string;
  attempts: number;
  rejected: QueuedRejection | null;
}

export type NewQueuedWrite = Omit<QueuedWrite, 'order' | 'seq' | 'attempts' | 'rejected'>;

export interface QueueStore {
  /** Every write still kept, in no particular order. */
  list(): Promise<QueuedWrite[]>;
  /** Stores a new write and gives it the case's next order number (atomic: two adds never share one). */
  add(write: NewQueuedWrite): Promise<QueuedWrite>;
  /** The sequence number the server expects next for the case, as far as this phone knows (1 if never sent). */
  nextSequence(caseId: string): Promise<number>;
  setNextSequence(caseId: string, next: number): Promise<void>;
  update(write: QueuedWrite): Promise<void>;
  remove(key: string): Promise<void>;
}

const DB_NAME = 'ih-emergency';
const DB_VERSION = 1;
const WRITES = 'writes';
/**
 * Per case: the last order number given (kept after the writes are sent, so numbers are never reused) and the
 * sequence number the server expects next.
 */
const SEQUENCES = 'sequences';

interface CaseNumbers {
  caseId: string;
  last: number;
  next: number;
}

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function completed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
  });
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(WRITES)) db.createObjectStore(WRITES, { keyPath: 'key' });
      if (!db.objectStoreNames.contains(SEQUENCES)) db.createObjectStore(SEQUENCES, { keyPath: 'caseId' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

/** The IndexedDB store. `factory` and `name` are parameters so tests can use fake-indexeddb and reopen the same one. */
export function indexedDbQueueStore(factory: IDBFactory = indexedDB, name: string = DB_NAME): QueueStore & { close(): Promise<void> } {
  let opening: Promise<IDBDatabase> | null = null;
  const db = (): Promise<IDBDatabase> => {
    opening ??= openDatabase(factory, name);
    opening.catch(() => (opening = null));
    return opening;
  };

  return {
    async list() {
      const transaction = (await db()).transaction(WRITES, 'readonly');
      return promised(transaction.objectStore(WRITES).getAll() as IDBRequest<QueuedWrite[]>);
    },
    async add(write) {
      const transaction = (await db()).transaction([WRITES, SEQUENCES], 'readwrite');
      const sequences = transaction.objectStore(SEQUENCES);
      const numbers = (await promised(sequences.get(write.caseId) as IDBRequest<CaseNumbers | undefined>)) ?? { caseId: write.caseId, last: 0, next: 1 };
      const stored: QueuedWrite = { ...write, order: numbers.last + 1, seq: null, attempts: 0, rejected: null };
      sequences.put({ ...numbers, last: stored.order });
      transaction.objectStore(WRITES).add(stored);
      await completed(transaction);
      return stored;
    },
    async nextSequence(caseId) {
      const transaction = (await db()).transaction(SEQUENCES, 'readonly');
      return (await promised(transaction.objectStore(SEQUENCES).get(caseId) as IDBRequest<CaseNumbers | undefined>))?.next ?? 1;
    },
    async setNextSequence(caseId, next) {
      const transaction = (await db()).transaction(SEQUENCES, 'readwrite');
      const sequences = transaction.objectStore(SEQUENCES);
      const numbers = (await promised(sequences.get(caseId) as IDBRequest<CaseNumbers | undefined>)) ?? { caseId, last: 0, next: 1 };
      sequences.put({ ...numbers, next });
      await completed(transaction);
    },
    async update(write) {
      const transaction = (await db()).transaction(WRITES, 'readwrite');
      transaction.objectStore(WRITES).put(write);
      await completed(transaction);
    },
    async remove(key) {
      const transaction = (await db()).transaction(WRITES, 'readwrite');
      transaction.objectStore(WRITES).delete(key);
      await completed(transaction);
    },
    async close() {
      if (opening) (await opening).close();
      opening = null;
    },
  };
}

/** The same contract in memory: for browsers where IndexedDB is refused (private modes), so the app still works. */
export function memoryQueueStore(): QueueStore {
  const writes = new Map<string, QueuedWrite>();
  const orders = new Map<string, number>();
  const nexts = new Map<string, number>();
  return {
    list: () => Promise.resolve([...writes.values()].map((write) => ({ ...write }))),
    nextSequence: (caseId) => Promise.resolve(nexts.get(caseId) ?? 1),
    setNextSequence: (caseId, next) => {
      nexts.set(caseId, next);
      return Promise.resolve();
    },
    add: (write) => {
      const order = (orders.get(write.caseId) ?? 0) + 1;
      orders.set(write.caseId, order);
      const stored: QueuedWrite = { ...write, order, seq: null, attempts: 0, rejected: null };
      writes.set(stored.key, stored);
      return Promise.resolve({ ...stored });
    },
    update: (write) => {
      writes.set(write.key, { ...write });
      return Promise.resolve();
    },
    remove: (key) => {
      writes.delete(key);
      return Promise.resolve();
    },
  };
}
