import { z } from 'zod';

export const roleSchema = z.enum([
  'Patient',
  'Doctor',
  'Pharmacist',
  'Registrar',
  'Nurse',
  'SystemAdmin',
  'SecurityAdmin',
  'AuditAdmin',
  'Paramedic',
  'EmergencyStaff',
  'MedicalRecords',
]);
export type Role = z.infer<typeof roleSchema>;

/**
 * The three administrators (separation of duties, MLPS level 3): the system administrator sets the hospital up, the
 * security administrator looks after staff accounts, the audit administrator reads the audit log. The server never
 * lets one account hold two of them.
 */
export const adminRoles: readonly Role[] = ['SystemAdmin', 'SecurityAdmin', 'AuditAdmin'];

/** Highest first: a user with several roles lands on the home of the first one they hold. */
export const rolePriority: readonly Role[] = [
  'SystemAdmin',
  'SecurityAdmin',
  'AuditAdmin',
  'MedicalRecords',
  'Paramedic',
  'EmergencyStaff',
  'Pharmacist',
  'Registrar',
  'Nurse',
  'Doctor',
  'Patient',
];

export const staffRoles: readonly Role[] = [
  'Doctor',
  'Pharmacist',
  'Registrar',
  'Nurse',
  'EmergencyStaff',
  'Paramedic',
  'SystemAdmin',
  'SecurityAdmin',
  'AuditAdmin',
  'MedicalRecords',
];

/** Who may be on a stroke / chest-pain / trauma team and acknowledge its alerts (the server checks the membership). */
export const emergencyTeamRoles: readonly Role[] = ['Doctor', 'Nurse', 'EmergencyStaff'];

/** Staff who identify patients by their health code at a desk. */
export const scannerRoles: readonly Role[] = ['Doctor', 'Pharmacist', 'Registrar', 'Nurse'];

/** Every role: pages for anyone signed in (e.g. notifications). */
export const allRoles: readonly Role[] = roleSchema.options;

export function primaryRole(roles: readonly string[]): Role | null {
  return rolePriority.find((role) => roles.includes(role)) ?? null;
}

export function hasAnyRole(roles: readonly string[], allowed: readonly Role[]): boolean {
  return allowed.some((role) => roles.includes(role));
}

/** Clinical staff who may watch a teaching broadcast (the API's Broadcasts.ViewerRoles). */
export const broadcastViewerRoles: readonly Role[] = ['Doctor', 'Nurse', 'Pharmacist', 'Paramedic', 'EmergencyStaff'];
