/**
 * The IANA time zone the hospital works in (server option Hospital:TimeZone). Times are sent in UTC and
 * shown in this zone, whatever the device's own zone, so "9:00" means the same to patients and doctors.
 */
export const HOSPITAL_TIME_ZONE = 'Asia/Shanghai';
