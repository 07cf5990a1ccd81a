import { describe, expect, it } from 'vitest';
import { isAuthorizeReturnUrl } from './return-url';

describe('isAuthorizeReturnUrl', () => {
  it('accepts the authorization endpoint on this origin', () => {
    expect(isAuthorizeReturnUrl('/connect/authorize?client_id=internet-hospital-spa&code_challenge=x')).toBe(true);
    expect(isAuthorizeReturnUrl('/connect/authorize')).toBe(true);
  });

  it('rejects anything else (open redirect guard)', () => {
    for (const url of [
      null,
      '',
      'https://evil.example/connect/authorize',
      '//evil.example/connect/authorize',
      '/connect/authorizeevil',
      '/connect/token',
      '/\\evil.example',
      '/my-health',
    ]) {
      expect(isAuthorizeReturnUrl(url)).toBe(false);
    }
  });
});
