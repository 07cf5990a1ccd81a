import { useSyncExternalStore } from 'react';

/**
 * sessionStorage key of the patient the account acts for in this tab.
 * Note: per tab on purpose: a parent with two tabs open (one for each child) must not see one tab's choice
 * silently change the other's, or a booking lands on the wrong child.
 */
export const ACTING_FOR_STORAGE_KEY = 'ih.actingFor';

const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return window.sessionStorage.getItem(ACTING_FOR_STORAGE_KEY);
  } catch {
    return null;
  }
}

let current: string | null = read();

/** Chooses the patient this tab acts for (null: back to the default, the account's own record). */
export function setActingFor(patientId: string | null): void {
  current = patientId;
  try {
    if (patientId) window.sessionStorage.setItem(ACTING_FOR_STORAGE_KEY, patientId);
    else window.sessionStorage.removeItem(ACTING_FOR_STORAGE_KEY);
  } catch {
    // Note: storage may be off (private mode); the choice still holds for this page's life.
  }
  listeners.forEach((listener) => listener());
}

/** Re-reads the stored choice (tests, and a new sign-in that cleared storage). */
export function resetActingFor(): void {
  current = read();
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The patient id chosen in this tab, or null if none was chosen. */
export function useActingForId(): string | null {
  return useSyncExternalStore(subscribe, () => current, () => null);
}
