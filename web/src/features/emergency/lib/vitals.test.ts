import { describe, expect, it } from 'vitest';
import { checkVitals } from './vitals';

describe('checkVitals', () => {
  it('takes values inside the limits and leaves empty fields out', () => {
    expect(checkVitals({ heartRate: 110, systolic: '150', diastolic: 90, spO2: '', temperature: '36,8' })).toEqual({
      errors: {},
      body: { heartRate: 110, systolic: 150, diastolic: 90, temperature: 36.8 },
    });
  });

  it('refuses values outside physiological limits, per field, with the range', () => {
    const { errors, body } = checkVitals({ heartRate: 400, spO2: 101, gcs: 2, glucose: 0.5 });
    expect(errors).toEqual({
      heartRate: { kind: 'range', min: 20, max: 300 },
      spO2: { kind: 'range', min: 50, max: 100 },
      gcs: { kind: 'range', min: 3, max: 15 },
    });
    expect(body).toEqual({ glucose: 0.5 });
  });

  it('refuses a diastolic pressure not below the systolic', () => {
    expect(checkVitals({ systolic: 90, diastolic: 95 }).errors).toEqual({ diastolic: { kind: 'diastolicAboveSystolic' } });
  });
});
