import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi, problemResponse, signInAs, testOidcUser } from '@/testing/test-utils';
import { apiJson, ApiError } from './api-client';
import { userManager } from './oidc';
import { z } from 'zod';

const schema = z.object({ ok: z.boolean() });

describe('api client', () => {
  it('sends the access token and parses problem details into ApiError', async () => {
    await signInAs();
    const { requests } = mockApi({
      'GET /api/things': () => problemResponse(409, { title: 'Conflict', detail: 'Taken.', code: 'duplicate_email' }),
    });
    const error = await apiJson('/api/things', schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(409);
    expect((error as ApiError).code).toBe('duplicate_email');
    expect(requests[0]?.headers.authorization).toBe('Bearer test-access-token');
  });

  it('sends an upload as multipart (the browser sets the boundary) and refuses FormData passed as a JSON body', async () => {
    await signInAs();
    const { requests } = mockApi({ 'POST /api/uploads': () => jsonResponse({ ok: true }) });
    const form = new FormData();
    form.append('file', new Blob(['x'], { type: 'image/png' }), 'rash.png');
    await apiJson('/api/uploads', z.object({ ok: z.boolean() }), { method: 'POST', form });
    expect(requests[0]?.headers['content-type']).toBeUndefined();

    await expect(apiJson('/api/uploads', z.object({ ok: z.boolean() }), { method: 'POST', body: form })).rejects.toThrow(TypeError);
    expect(requests).toHaveLength(1);
  });

  it('on 401 refreshes the tokens once and retries', async () => {
    await signInAs();
    const refreshed = testOidcUser();
    Object.assign(refreshed, { access_token: 'fresh-token' });
    vi.mocked(userManager.signinSilent).mockResolvedValue(refreshed);
    mockApi({
      'GET /api/things': (request) =>
        request.headers.authorization === 'Bearer fresh-token' ? jsonResponse({ ok: true }) : problemResponse(401, {}),
    });
    await expect(apiJson('/api/things', schema)).resolves.toEqual({ ok: true });
    expect(userManager.signinSilent).toHaveBeenCalledTimes(1);
    expect(userManager.signinRedirect).not.toHaveBeenCalled();
  });

  it('sends the user to sign in when the refresh does not help', async () => {
    await signInAs();
    mockApi({ 'GET /api/things': () => problemResponse(401, {}) });
    await expect(apiJson('/api/things', schema)).rejects.toMatchObject({ status: 401 });
    expect(userManager.signinRedirect).toHaveBeenCalledTimes(1);
  });

  it('does not treat a 401 from an anonymous endpoint as an expired token', async () => {
    mockApi({ 'POST /api/account/login': () => problemResponse(401, { code: 'invalid_credentials' }) });
    await expect(apiJson('/api/account/login', schema, { method: 'POST', body: {}, auth: false })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(userManager.signinSilent).not.toHaveBeenCalled();
    expect(userManager.signinRedirect).not.toHaveBeenCalled();
  });

  it('reads Retry-After on 429', async () => {
    mockApi({ 'GET /api/things': () => problemResponse(429, {}, { 'Retry-After': '12' }) });
    const error = (await apiJson('/api/things', schema, { auth: false }).catch((e: unknown) => e)) as ApiError;
    expect(error.retryAfterSeconds).toBe(12);
  });
});
