import { apiFetch, isApiError } from '@/lib/api-client';
import type { SendOutcome, Transport } from './offline-queue';
import type { QueuedWrite } from './queue-store';

/** Every kind of crew write the queue carries and the request it becomes. */
export type CrewWriteKind =
  | 'case'
  | 'patient'
  | 'assessment'
  | 'vitals'
  | 'treatment'
  | 'destination'
  | 'message'
  | 'timeline'
  | 'activation'
  | 'attachment'
  | 'family';

const routes: Record<CrewWriteKind, { method: 'POST' | 'PUT'; path: string }> = {
  case: { method: 'POST', path: '' },
  patient: { method: 'PUT', path: '/patient' },
  assessment: { method: 'PUT', path: '/assessment' },
  vitals: { method: 'POST', path: '/vitals' },
  treatment: { method: 'POST', path: '/treatments' },
  destination: { method: 'PUT', path: '/destination' },
  message: { method: 'POST', path: '/messages' },
  timeline: { method: 'POST', path: '/timeline' },
  activation: { method: 'POST', path: '/activation' },
  attachment: { method: 'POST', path: '/attachments' },
  family: { method: 'POST', path: '/family-notice' },
};

/** An attachment waits in IndexedDB as a Blob (structured clone keeps it) and goes as multipart. */
export interface AttachmentPayload {
  file: Blob;
  fileName: string;
  caption: string | null;
}

/** Statuses worth trying again later: the request may not have reached the server, or it was busy. */
const transient = new Set([401, 408, 425, 429, 500, 502, 503, 504]);
const resequenceCodes = new Set(['emergency_sequence_gap', 'emergency_sequence_taken']);

export const crewTransport: Transport = async (write: QueuedWrite): Promise<SendOutcome> => {
  const route = routes[write.kind as CrewWriteKind];
  if (!route) return { kind: 'rejected', rejection: { status: 0, code: 'unknown_write', detail: write.kind, fieldCodes: {} } };
  const path = write.kind === 'case' ? '/api/emergency/crew/cases' : `/api/emergency/crew/cases/${encodeURIComponent(write.caseId)}${route.path}`;
  const headers = { 'Idempotency-Key': write.key, 'X-Client-Sequence': String(write.seq) };
  let form: FormData | undefined;
  let body: unknown;
  if (write.kind === 'attachment') {
    const payload = write.payload as AttachmentPayload;
    form = new FormData();
    form.append('file', payload.file, payload.fileName);
    if (payload.caption) form.append('caption', payload.caption);
  } else {
    body = write.payload;
  }
  try {
    const response = await apiFetch(path, { method: route.method, headers, body, form });
    return { kind: 'sent', result: response.status === 204 ? null : ((await response.json().catch(() => null)) as unknown) };
  } catch (error) {
    if (!isApiError(error)) return { kind: 'retry' };
    const expected = Number(error.problem.expectedSequence);
    if (error.status === 409 && resequenceCodes.has(error.code ?? '') && Number.isInteger(expected) && expected > 0) {
      return { kind: 'resequence', expected };
    }
    if (transient.has(error.status) || error.status >= 500) return { kind: 'retry' };
    return {
      kind: 'rejected',
      rejection: { status: error.status, code: error.code ?? null, detail: error.problem.detail ?? null, fieldCodes: error.fieldCodes },
    };
  }
};
