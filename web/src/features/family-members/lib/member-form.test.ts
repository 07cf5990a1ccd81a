import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '@/lib/resident-id';
import { ageOn, isAdultMember, toAddMemberInput, validateMember, type MemberFormValues } from './member-form';

const TODAY = '2026-12-06';
/** A valid resident ID for a birth date and sex (odd sequence: male). */
function residentId(birth: string, sequence = '123'): string {
  const first17 = `110101${birth.replaceAll('-', '')}${sequence}`;
  return first17 + residentIdCheckChar(first17);
}

function values(overrides: Partial<MemberFormValues> = {}): MemberFormValues {
  return {
    relation: 'child',
    idType: 'resident',
    idNumber: residentId('2022-05-01'),
    fullName: '李小明',
    dateOfBirth: '2022-05-01',
    sex: 'Male',
    email: '',
    phone: '',
    scopes: ['appointments'],
    accessEndsOn: '',
    ...overrides,
  };
}

describe('Adding a family member: the client-side rules mirror the server', () => {
  it('accepts a 4-year-old child with a valid resident ID and asks nothing an adult is asked', () => {
    expect(validateMember(values(), TODAY)).toEqual({});
    const input = toAddMemberInput(values({ email: 'ignored@example.com' }), TODAY);
    expect(input).toEqual({ relation: 'child', idType: 'resident', idNumber: residentId('2022-05-01'), fullName: '李小明', dateOfBirth: '2022-05-01', sex: 'Male' });
  });

  it('rejects a resident ID whose GB 11643 check character is wrong', () => {
    const good = residentId('2022-05-01');
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    expect(validateMember(values({ idNumber: bad }), TODAY).idNumber).toBe('validation.residentId.checksum');
    expect(validateMember(values({ idNumber: '12345' }), TODAY).idNumber).toBe('validation.residentId.format');
  });

  it('says when the date of birth or sex disagree with the resident ID', () => {
    const errors = validateMember(values({ dateOfBirth: '2022-05-02', sex: 'Female' }), TODAY);
    expect(errors.dateOfBirth).toBe('validation.dateOfBirthMismatch');
    expect(errors.sex).toBe('validation.sexMismatch');
  });

  it('checks a passport number\'s form only', () => {
    expect(validateMember(values({ idType: 'passport', idNumber: 'E1234567' }), TODAY)).toEqual({});
    expect(validateMember(values({ idType: 'passport', idNumber: 'E-12' }), TODAY).idNumber).toBe('validation.passportFormat');
  });

  it('does not take an adult as a child, nor a child as a parent', () => {
    expect(validateMember(values({ idNumber: residentId('1990-01-01'), dateOfBirth: '1990-01-01' }), TODAY).relation).toBe('validation.childIsAdult');
    expect(validateMember(values({ relation: 'parent', email: 'a@b.cn' }), TODAY).relation).toBe('validation.mustBeAdult');
  });

  it('needs a way to reach an adult for consent, at least one scope, and an end date after today', () => {
    const father = values({ relation: 'parent', idNumber: residentId('1955-03-02'), dateOfBirth: '1955-03-02', fullName: '李建国', scopes: [], accessEndsOn: TODAY });
    const errors = validateMember(father, TODAY);
    expect(errors).toMatchObject({ email: 'validation.contactRequired', scopes: 'validation.scopesRequired', accessEndsOn: 'validation.endsOnInPast' });
    expect(validateMember({ ...father, phone: '12345', scopes: ['appointments'], accessEndsOn: '' }, TODAY).phone).toBe('validation.phoneFormat');
    const ok = { ...father, phone: '138 0013 8000', scopes: ['appointments' as const], accessEndsOn: '2027-12-31' };
    expect(validateMember(ok, TODAY)).toEqual({});
    expect(toAddMemberInput(ok, TODAY)).toMatchObject({ relation: 'parent', phone: '13800138000', scopes: ['appointments'], accessEndsOn: '2027-12-31' });
    expect(toAddMemberInput(ok, TODAY)).not.toHaveProperty('email');
  });

  it('counts whole years, and "other" is an adult from 18', () => {
    expect(ageOn('2008-12-07', TODAY)).toBe(17);
    expect(ageOn('2008-12-06', TODAY)).toBe(18);
    expect(isAdultMember({ relation: 'other', dateOfBirth: '2008-12-07' }, TODAY)).toBe(false);
    expect(isAdultMember({ relation: 'other', dateOfBirth: '2008-12-06' }, TODAY)).toBe(true);
  });
});
