import { vi } from 'vitest';
import { defaultServerSettings } from '@/lib/server-settings';

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string, e.g. "?page=2" ('' if none). */
  search: string;
  body: unknown;
  headers: Record<string, string>;
}

export type MockHandler = (request: RecordedRequest) => Response | Promise<Response>;

/** A handler, or a plain value answered as 200 JSON. Keys are "METHOD /path" (query string ignored). */
export type MockRoutes = Record<string, MockHandler | object>;

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problemResponse(
  status: number,
  problem: Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ status, title: 'Error', traceId: '00-test', ...problem }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/**
 * Replaces fetch with a small router over `routes`. Unknown requests answer 404 and are listed in
 * `unhandled`, so a test can assert nothing unexpected was called. Everything received is in `requests`.
 */
export function mockApi(routes: MockRoutes): { requests: RecordedRequest[]; unhandled: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const unhandled: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    // Note: a multipart upload is kept as its FormData, so a test can look at the file that was sent.
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body instanceof FormData ? init.body : undefined;
    const request: RecordedRequest = { method, path: url.pathname, search: url.search, body, headers };
    const route = `${method} ${url.pathname}`;
    // Note: the server's settings are read by every page; a test that does not name them gets the defaults,
    // and that request is not recorded (tests look at the calls their page makes).
    if (route === 'GET /api/config' && routes[route] === undefined) return jsonResponse(defaultServerSettings);
    requests.push(request);
    const handler = routes[route];
    if (handler === undefined) {
      unhandled.push(request);
      return problemResponse(404, { title: 'Not Found', detail: `No mock for ${method} ${url.pathname}` });
    }
    return typeof handler === 'function' ? (handler as MockHandler)(request) : jsonResponse(handler);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, unhandled };
}
