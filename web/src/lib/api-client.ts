import { z } from 'zod';
import i18n from 'i18next';
import { loadOidc, signedInUser } from './oidc-loader';
import { guestCredential } from './guest-credential';

/** RFC 9457 problem details as the API sends them, with the extensions it uses. */
export const problemSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().optional(),
  detail: z.string().optional(),
  traceId: z.string().optional(),
  code: z.string().optional(),
  /** Field → messages, in the language the request asked for (Accept-Language). */
  errors: z.record(z.string(), z.array(z.string())).optional(),
  /** Field → codes (e.g. `{ mobile: ['invalid_mobile'] }`), beside `errors`, for translating on this side. */
  fieldCodes: z.record(z.string(), z.array(z.string())).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds from a Retry-After header (rate limiting), if any. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: Problem, retryAfterSeconds: number | null = null) {
    super(problem.detail ?? problem.title ?? `Request failed with status ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  /** Validation errors keyed by camelCase field name. */
  get fieldErrors(): Record<string, string[]> {
    return this.problem.errors ?? {};
  }

  /** Validation error codes keyed by camelCase field name. */
  get fieldCodes(): Record<string, string[]> {
    return this.problem.fieldCodes ?? {};
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A multipart body (file uploads) instead of JSON; the browser sets its Content-Type with the boundary. */
  form?: FormData;
  /** Attach the access token and recover from 401 by refreshing (default true). Anonymous endpoints pass false. */
  auth?: boolean;
  signal?: AbortSignal;
  /** Extra request headers (e.g. Idempotency-Key on writes that may be sent more than once). */
  headers?: Record<string, string>;
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem = { status: response.status, title: response.statusText || undefined };
  try {
    const text = await response.text();
    if (text) {
      const parsed = problemSchema.safeParse(JSON.parse(text));
      if (parsed.success) problem = { status: response.status, ...parsed.data };
    }
  } catch {
    // Note: not JSON (a proxy error page, say): keep the status-only problem.
  }
  return new ApiError(response.status, problem, parseRetryAfter(response.headers.get('Retry-After')));
}

function send(path: string, options: ApiRequestOptions, accessToken: string | null): Promise<Response> {
  if (typeof FormData !== 'undefined' && options.body instanceof FormData) {
    // Note: JSON.stringify would silently send "{}"; uploads go through `form`.
    throw new TypeError('Send a FormData body as the `form` option, not as `body`.');
  }
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json, application/problem+json' };
  // Note: the server words validation messages in the language the user reads.
  if (i18n.language) headers['Accept-Language'] = i18n.language;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  return fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    credentials: 'same-origin',
    signal: options.signal,
  });
}

/**
 * The one place that talks to the API: same origin, JSON in and out, problem+json errors become ApiError.
 * With auth, a 401 triggers one token refresh and retry; if that fails the user is sent to sign in.
 */
export async function apiFetch(path: string, options: ApiRequestOptions = {}): Promise<Response> {
  const useAuth = options.auth ?? true;
  // Note: a visit guest has no account to refresh or sign in: their credential is sent as it is, and a 401 is an error.
  const guest = useAuth ? guestCredential() : null;
  if (guest) {
    const response = await send(path, options, guest);
    if (!response.ok) throw await toApiError(response);
    return response;
  }
  const user = useAuth ? await signedInUser() : null;
  let response = await send(path, options, user?.access_token ?? null);

  if (useAuth && response.status === 401) {
    const oidc = await loadOidc();
    const refreshed = await oidc.refreshTokens();
    if (refreshed?.access_token) response = await send(path, options, refreshed.access_token);
    if (response.status === 401) {
      const error = await toApiError(response);
      void oidc.signIn(oidc.currentPath()).catch(() => undefined);
      throw error;
    }
  }

  if (!response.ok) throw await toApiError(response);
  return response;
}

/** A request whose JSON answer is checked against a zod schema. */
export async function apiJson<T>(path: string, schema: z.ZodType<T>, options: ApiRequestOptions = {}): Promise<T> {
  const response = await apiFetch(path, options);
  return schema.parse(await response.json());
}

/** A request answered with no body we need (204, 201 without content). */
export async function apiSend(path: string, options: ApiRequestOptions = {}): Promise<void> {
  await apiFetch(path, options);
}
