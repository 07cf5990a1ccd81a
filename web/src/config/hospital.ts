/**
 * The IANA time zone the hospital works in (server option Hospital:TimeZone, read from /api/config at start; see
 * lib/server-settings). Times are sent in UTC and shown in this zone, whatever the device's own zone, so "9:00"
 * means the same to patients and doctors. Until the server has answered, the default below is used.
 */
export const DEFAULT_HOSPITAL_TIME_ZONE = 'Asia/Shanghai';

let timeZone = DEFAULT_HOSPITAL_TIME_ZONE;

/** The hospital's time zone as the server configures it. */
export function hospitalTimeZone(): string {
  return timeZone;
}

/** Called once the server's settings arrive. */
export function setHospitalTimeZone(zone: string): void {
  timeZone = zone;
}
