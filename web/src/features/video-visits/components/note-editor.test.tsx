import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppProvider } from '@/app/provider';
import { i18n, type Language } from '@/lib/i18n';
import { jsonResponse, mockApi, problemResponse, signInAs, type MockRoutes } from '@/testing/test-utils';
import { useVideoVisit } from '../api/get-video-visit';
import { NoteEditor, type FollowUpPickerRenderer } from './note-editor';

const note = {
  chiefComplaint: '血压控制欠佳两周',
  history: '',
  assessment: 'Essential hypertension, not at target.',
  plan: 'Amlodipine 10 mg daily.',
  diagnoses: [{ code: 'I10', description: '特发性（原发性）高血压' }],
  followUpAdvice: 'Video follow-up in 4 weeks.',
  followUpAppointmentId: null,
  lastEditedAt: '2026-12-01T01:40:00Z',
  signature: null,
};

const visit = {
  id: 'v1',
  status: 'InProgress',
  myRole: 'Doctor',
  scheduledStart: '2026-12-01T01:30:00Z',
  scheduledEnd: '2026-12-01T01:45:00Z',
  checkedInAt: '2026-12-01T01:20:00Z',
  admittedAt: '2026-12-01T01:31:00Z',
  endedAt: null,
  patient: { name: '王秀英', age: 67, sex: 'Female', id: '5d2c1f8e-3b7a-4c61-9a0e-7f3e2b1d4c55' },
  doctor: { doctorId: 'd1', name: '李伟', title: '主任医师', titleEn: 'Chief Physician', departmentId: 'dep1', department: '心血管内科', departmentEn: 'Cardiology' },
  specialists: [],
  referral: null,
  note,
  followUp: null,
  addenda: [],
  trace: [],
};

const followUp = { appointmentId: 'apt-9', start: '2026-12-29T02:00:00Z', end: '2026-12-29T02:15:00Z', visitType: 'Video', status: 'PendingPayment' };

/** Stands in for the schedule feature's picker (the app passes the real one): one time to choose. */
const picker: FollowUpPickerRenderer = ({ onConfirm, pending, error }) => (
  <div>
    <button type="button" disabled={pending} onClick={() => onConfirm({ slotId: 'slot-7', visitType: 'Video' })}>
      Pick slot-7
    </button>
    {error != null && <p>picker error</p>}
  </div>
);

function Harness(): ReactNode {
  const data = useVideoVisit('v1').data;
  return data ? <NoteEditor visit={data} followUpPicker={picker} /> : null;
}

async function renderEditor(routes: MockRoutes, language: Language = 'en'): Promise<ReturnType<typeof mockApi>> {
  await i18n.changeLanguage(language);
  await signInAs();
  const mocked = mockApi(routes);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  render(
    <AppProvider queryClient={queryClient} env="test">
      <Harness />
    </AppProvider>,
  );
  return mocked;
}

describe('Note editor: follow-up', () => {
  let ordered: boolean;
  beforeEach(() => {
    ordered = false;
  });

  it.each([
    ['en', 'Order follow-up', 'Follow-up ordered', 'Tue, 29 Dec 2026, 10:00 · Video visit', 'Waiting for the patient to pay'],
    ['zh-CN', '预约复诊', '已预约复诊', '2026年12月29日周二 10:00 · 视频问诊', '等待患者付款'],
  ] as const)('saves the note, orders the chosen slot, then shows the follow-up instead of the button (%s)', async (language, order, orderedTitle, when, status) => {
    const user = userEvent.setup();
    const { requests } = await renderEditor(
      {
        'GET /api/video-visits/v1': () => jsonResponse(ordered ? { ...visit, note: { ...note, followUpAppointmentId: 'apt-9' }, followUp } : visit),
        'PUT /api/video-visits/v1/note': () => jsonResponse(note),
        'POST /api/video-visits/v1/follow-up': () => {
          ordered = true;
          return jsonResponse({ id: 'apt-9', start: followUp.start, visitType: 'Video', status: 'PendingPayment' }, 201);
        },
      },
      language,
    );
    await user.click(await screen.findByRole('button', { name: order }));
    await user.click(screen.getByRole('button', { name: 'Pick slot-7' }));

    const section = await screen.findByRole('region', { name: orderedTitle });
    expect(within(section).getByText(when)).toBeInTheDocument();
    expect(within(section).getByText(status)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: order })).not.toBeInTheDocument();
    const writes = requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    expect(writes).toEqual(['PUT /api/video-visits/v1/note', 'POST /api/video-visits/v1/follow-up']);
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ slotId: 'slot-7', visitType: 'Video' });
  });

  it('keeps the picker open and hands it the refusal when the slot was taken', async () => {
    const user = userEvent.setup();
    await renderEditor({
      'GET /api/video-visits/v1': visit,
      'PUT /api/video-visits/v1/note': () => jsonResponse(note),
      'POST /api/video-visits/v1/follow-up': () => problemResponse(409, { code: 'slot_taken' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Order follow-up' }));
    await user.click(screen.getByRole('button', { name: 'Pick slot-7' }));
    expect(await screen.findByText('picker error')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pick slot-7' })).toBeEnabled());
    expect(screen.queryByRole('region', { name: 'Follow-up ordered' })).not.toBeInTheDocument();
  });
});
