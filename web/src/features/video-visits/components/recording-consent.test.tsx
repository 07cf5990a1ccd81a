import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { AppProvider } from '@/app/provider';
import { i18n, type Language } from '@/lib/i18n';
import { jsonResponse, mockApi, signInAs, type MockRoutes } from '@/testing/test-utils';
import { RecordingConsent } from './recording-consent';
import { VisitRecordings } from './visit-recordings';

const status = { visitId: 'v1', state: 'NotRecorded', notConsentedBy: ['Patient'], available: true, myConsent: null };

async function renderWith(ui: React.ReactNode, routes: MockRoutes, language: Language = 'en'): Promise<ReturnType<typeof mockApi>> {
  await i18n.changeLanguage(language);
  await signInAs();
  const mocked = mockApi(routes);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  render(
    <AppProvider queryClient={queryClient} env="test">
      {ui}
    </AppProvider>,
  );
  return mocked;
}

describe('Recording consent in the call', () => {
  it.each([
    ['en', 'May this visit be recorded?', 'Yes, record', 'Recording', 'You agreed to recording.'],
    ['zh-CN', '是否同意本次就诊录像？', '同意录像', '正在录像', '您已同意录像。'],
  ] as const)('asks once, sends the answer and shows the indicator while recording (%s)', async (language, question, yes, indicator, agreed) => {
    const user = userEvent.setup();
    const { requests } = await renderWith(
      <RecordingConsent visitId="v1" />,
      {
        'GET /api/video-visits/v1/recording': status,
        'POST /api/video-visits/v1/recording-consent': () => jsonResponse({ ...status, state: 'Recording', notConsentedBy: [], myConsent: true }),
      },
      language,
    );

    expect(await screen.findByRole('dialog', { name: question })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: yes }));

    expect(await screen.findByText(indicator)).toBeInTheDocument();
    expect(screen.getByText(agreed)).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: question })).not.toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ consent: true });
  });

  it('says a browser-to-browser call cannot be recorded and asks nothing', async () => {
    await renderWith(<RecordingConsent visitId="v1" />, { 'GET /api/video-visits/v1/recording': { ...status, state: 'Unavailable', notConsentedBy: [], available: false } });

    expect(await screen.findByText(/cannot be recorded/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Yes, record' })).not.toBeInTheDocument();
  });
});

describe('Recordings on the visit record', () => {
  it.each([
    ['en', 'Not recorded: consent not given by Patient, Specialist.'],
    ['zh-CN', '未录像：患者、会诊医生未同意。'],
  ] as const)('says who did not consent when nothing was recorded (%s)', async (language, text) => {
    await renderWith(
      <VisitRecordings visitId="v1" />,
      { 'GET /api/video-visits/v1/recordings': { status: { ...status, notConsentedBy: ['Patient', 'Specialist'] }, processing: false, recordings: [] } },
      language,
    );

    expect(await screen.findByText(text)).toBeInTheDocument();
  });

  it('loads a recording into a player when asked to play it', async () => {
    const user = userEvent.setup();
    const { requests } = await renderWith(<VisitRecordings visitId="v1" />, {
      'GET /api/video-visits/v1/recordings': {
        status: { ...status, state: 'Recorded', notConsentedBy: [], myConsent: null },
        processing: false,
        recordings: [{ id: 'r1', role: 'Patient', recordedAt: '2026-12-01T01:35:00Z', durationSeconds: 125, contentType: 'video/webm', size: 1000 }],
      },
      'GET /api/video-visits/v1/recordings/r1': () => new Response(new Blob(['webm'], { type: 'video/webm' })),
    });

    expect(await screen.findByText(/2 min 5 s/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Play recording 1' }));

    expect(await screen.findByLabelText('Recording 1 of the visit')).toBeInTheDocument();
    expect(requests.some((r) => r.path === '/api/video-visits/v1/recordings/r1')).toBe(true);
  });
});
