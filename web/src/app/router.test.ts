import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { routes } from './router';

const id = '0196a3f2-1c2b-7d4e-9f00-1234567890ab';

describe('route table', () => {
  // The links the server puts in notifications and payment return addresses (…Notifications.*Link + "/{id}").
  it.each([
    `/consultations/${id}`,
    `/doctor/consultations/${id}`,
    `/referrals/${id}`,
    `/doctor/referrals/${id}`,
    `/results/${id}`,
  ])('opens a page for the notification link %s', (path) => {
    const matched = matchRoutes(routes, path) ?? [];
    const leaf = matched.at(-1)?.route;
    expect(leaf?.path).toBeDefined();
    expect(leaf?.path).not.toBe('*');
  });
});
