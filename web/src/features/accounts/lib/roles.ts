import { z } from 'zod';

export const roleSchema = z.enum(['Patient', 'Doctor', 'Pharmacist', 'Admin']);
export type Role = z.infer<typeof roleSchema>;

/** Highest first: a user with several roles lands on the home of the first one they hold. */
export const rolePriority: readonly Role[] = ['Admin', 'Pharmacist', 'Doctor', 'Patient'];

export const staffRoles: readonly Role[] = ['Doctor', 'Pharmacist', 'Admin'];

/** Every role: pages for anyone signed in (e.g. notifications). */
export const allRoles: readonly Role[] = roleSchema.options;

export function primaryRole(roles: readonly string[]): Role | null {
  return rolePriority.find((role) => roles.includes(role)) ?? null;
}

export function hasAnyRole(roles: readonly string[], allowed: readonly Role[]): boolean {
  return allowed.some((role) => roles.includes(role));
}
