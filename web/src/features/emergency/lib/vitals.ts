import { vitalFields, vitalLimits, type VitalField } from '../api/schemas';

export type VitalValues = Partial<Record<VitalField, number | string>>;
export type VitalError = { kind: 'range'; min: number; max: number } | { kind: 'diastolicAboveSystolic' } | { kind: 'notANumber' };

/**
 * The same limits the server enforces, checked on the phone before a set is queued: a value refused later (after the
 * ambulance is back in signal) would reach the crew too late to correct.
 */
export function checkVitals(values: VitalValues): { errors: Partial<Record<VitalField, VitalError>>; body: Partial<Record<VitalField, number>> } {
  const errors: Partial<Record<VitalField, VitalError>> = {};
  const body: Partial<Record<VitalField, number>> = {};
  for (const field of vitalFields) {
    const raw = values[field];
    if (raw === undefined || raw === '') continue;
    const value = typeof raw === 'number' ? raw : Number(String(raw).replace(',', '.'));
    if (!Number.isFinite(value)) {
      errors[field] = { kind: 'notANumber' };
      continue;
    }
    const { min, max } = vitalLimits[field];
    if (value < min || value > max) errors[field] = { kind: 'range', min, max };
    else body[field] = value;
  }
  if (body.systolic !== undefined && body.diastolic !== undefined && body.diastolic >= body.systolic) {
    errors.diastolic = { kind: 'diastolicAboveSystolic' };
    delete body.diastolic;
  }
  return { errors, body };
}
