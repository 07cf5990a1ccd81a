import type { TFunction } from 'i18next';

/** "Appointment booked" for appointment.booked; a kind this version does not know is shown as sent. */
export function kindLabel(kind: string, t: TFunction): string {
  return t(`his:kinds.${kind}`, { defaultValue: kind });
}

/** The first block of a patient id: enough to tell rows apart; the full id is in the detail and the title. */
export function shortId(id: string): string {
  return id.split('-')[0] ?? id;
}
