import type { TFunction } from 'i18next';

/** "Appointment booked" for appointment.booked; a kind this version does not know is shown as sent. */
export function kindLabel(kind: string, t: TFunction): string {
  return t(`his:kinds.${kind}`, { defaultValue: kind });
}

/**
 * The last 8 characters of an id: enough to tell rows apart (the ids are version-7 GUIDs, whose first blocks are
 * the time they were made, so those are shared by everything made in the same minute); the full id is in the detail.
 */
export function shortId(id: string): string {
  return id.length > 8 ? id.slice(-8) : id;
}
