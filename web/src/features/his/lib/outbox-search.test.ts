import { describe, expect, it } from 'vitest';
import { readOutboxSearch, toOutboxFilters, writeOutboxSearch } from './outbox-search';

describe('outbox search', () => {
  it('reads the address, ignoring values it does not know', () => {
    const search = readOutboxSearch(new URLSearchParams('status=Teleported&page=-2&kind=appointment.booked'));
    expect(search).toEqual({ status: null, kind: 'appointment.booked', patientId: '', from: '', to: '', page: 1 });
  });

  it('round-trips through the address and asks the API for whole days in the hospital zone', () => {
    const search = readOutboxSearch(
      new URLSearchParams('status=DeadLettered&patient=0190F5C8-0000-7000-8000-000000000001&from=2025-11-01&to=2025-11-02&page=3'),
    );
    expect(readOutboxSearch(new URLSearchParams(writeOutboxSearch(search)))).toEqual(search);
    expect(toOutboxFilters(search)).toEqual({
      status: 'DeadLettered',
      kind: undefined,
      patientId: '0190F5C8-0000-7000-8000-000000000001',
      from: '2025-10-31T16:00:00.000Z',
      to: '2025-11-02T15:59:59.999Z',
      page: 3,
    });
  });

  it('leaves out a patient id that is not one', () => {
    expect(toOutboxFilters(readOutboxSearch(new URLSearchParams('patient=zhang'))).patientId).toBeUndefined();
  });
});
