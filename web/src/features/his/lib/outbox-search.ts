import { hospitalDayEnd, hospitalDayStart } from '@/lib/date-time';
import { outboxStatuses, type OutboxFilters, type OutboxStatus } from '../api/get-outbox-messages';

/** The list's filters as they stand in the address (?status=DeadLettered&kind=…&from=2025-11-01&page=2), so a view can be bookmarked and Back works. */
export interface OutboxSearch {
  status: OutboxStatus | null;
  kind: string;
  patientId: string;
  /** Calendar days in the hospital's zone (yyyy-mm-dd), as a date input gives them. */
  from: string;
  to: string;
  page: number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isPatientId(value: string): boolean {
  return GUID.test(value.trim());
}

export function readOutboxSearch(params: URLSearchParams): OutboxSearch {
  const status = params.get('status');
  const page = Number(params.get('page'));
  return {
    status: (outboxStatuses as readonly string[]).includes(status ?? '') ? (status as OutboxStatus) : null,
    kind: params.get('kind') ?? '',
    patientId: params.get('patient') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function writeOutboxSearch(search: OutboxSearch): Record<string, string> {
  const params: Record<string, string> = {};
  if (search.status) params.status = search.status;
  if (search.kind) params.kind = search.kind;
  if (search.patientId) params.patient = search.patientId.trim();
  if (search.from) params.from = search.from;
  if (search.to) params.to = search.to;
  if (search.page > 1) params.page = String(search.page);
  return params;
}

/** What the API is asked: days become instants in the hospital's zone; a malformed patient id is left out. */
export function toOutboxFilters(search: OutboxSearch): OutboxFilters {
  return {
    status: search.status ?? undefined,
    kind: search.kind || undefined,
    patientId: isPatientId(search.patientId) ? search.patientId.trim() : undefined,
    from: hospitalDayStart(search.from)?.toISOString(),
    to: hospitalDayEnd(search.to)?.toISOString(),
    page: search.page,
  };
}
