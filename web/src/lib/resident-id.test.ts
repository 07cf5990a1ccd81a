import { describe, expect, it } from 'vitest';
import { parseResidentId, residentIdCheckChar, residentIdProblem } from './resident-id';

// 11010519491231002X is the worked example from GB 11643-1999; the others are built with the same rule.
describe('resident ID (GB 11643)', () => {
  it('accepts the standard example and derives birth date and sex', () => {
    expect(residentIdProblem('11010519491231002X')).toBeNull();
    expect(parseResidentId('11010519491231002x')).toEqual({ dateOfBirth: '1949-12-31', sex: 'Female' });
  });

  it('computes the check character by weighted sum mod 11', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('derives male from an odd sequence digit', () => {
    const first17 = '44030419900307251';
    const id = first17 + residentIdCheckChar(first17);
    expect(parseResidentId(id)).toEqual({ dateOfBirth: '1990-03-07', sex: 'Male' });
  });

  it('rejects a wrong check character, a bad format and an impossible date', () => {
    expect(residentIdProblem('110105194912310021')).toBe('checksum');
    expect(residentIdProblem('1101051949123100')).toBe('format');
    const first17 = '11010519490231002';
    expect(residentIdProblem(first17 + residentIdCheckChar(first17))).toBe('birthDate');
    expect(parseResidentId('110105194912310021')).toBeNull();
  });
});
