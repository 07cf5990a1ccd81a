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
  /** 1, 2, 3… per case, in the order the crew recorded them: the server applies them in this order. */
  seq: number;
  /** What it is (start, vitals, photo…): the transport turns it into a request. */
  kind: string;
  payload: unknown;
  /** When the crew recorded it (ISO): the server keeps this time, not the time it arrived. */
  recordedAt: string;
  attempts: number;
  rejected: QueuedRejection | null;
}

export type NewQueuedWrite = Omit<QueuedWrite, 'seq' | 'attempts' | 'rejected'>;

export interface QueueStore {
  /** Every write still kept, in no particular order. */
  list(): Promise<QueuedWrite[]>;
  /** Stores a new write and gives it the case's next sequence number (atomic: two adds never share one). */
  add(write: NewQueuedWrite): Promise<QueuedWrite>;
  update(write: QueuedWrite): Promise<void>;
  remove(key: string): Promise<void>;
}

const DB_NAME = 'ih-emergency';
const DB_VERSION = 1;
const WRITES = 'writes';
/** The last sequence number given per case: kept after the writes are sent, so numbers are never reused. */
const SEQUENCES = 'sequences';

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
      const last = (await promised(sequences.get(write.caseId) as IDBRequest<{ caseId: string; last: number } | undefined>))?.last ?? 0;
      const stored: QueuedWrite = { ...write, seq: last + 1, attempts: 0, rejected: null };
      sequences.put({ caseId: write.caseId, last: stored.seq });
      transaction.objectStore(WRITES).add(stored);
      await completed(transaction);
      return stored;
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
  const sequences = new Map<string, number>();
  return {
    list: () => Promise.resolve([...writes.values()].map((write) => ({ ...write }))),
    add: (write) => {
      const seq = (sequences.get(write.caseId) ?? 0) + 1;
      sequences.set(write.caseId, seq);
      const stored: QueuedWrite = { ...write, seq, attempts: 0, rejected: null };
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
