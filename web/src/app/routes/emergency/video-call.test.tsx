import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubEmergencyHub } from '@/features/emergency/testing/hub-stub';
import { jsonResponse } from '@/testing/api-mock';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const caseId = 'c0ffee00-0000-4000-8000-0000000000bb';
const ringing = { caseId, state: 'ringing', byName: '郑洁', at: '2026-12-07T01:00:00Z' };

describe('Video call from the emergency department on the crew phone', () => {
  it.each([
    ['en', 'Ambulance cases', 'Video call from the emergency department', '郑洁 is calling', 'Answer', 'Decline'],
    ['zh-CN', '急救任务', '急诊科视频来电', '郑洁 来电', '接听', '拒绝'],
  ] as const)('in %s rings full screen with answer and decline, and declining tells the department', async (language, heading, title, from, answer, decline) => {
    const hub = stubEmergencyHub();
    let declined = 0;
    const app = await renderApp({
      route: '/emergency/crew',
      roles: ['Paramedic'],
      language,
      api: {
        'GET /api/emergency/crew/cases': [],
        [`POST /api/emergency/crew/cases/${caseId}/video-call/decline`]: () => {
          declined++;
          return jsonResponse({ roomId: caseId, on: false });
        },
      },
    });
    await findPageHeading(heading);
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/emergency/crew'));
    act(() => hub.emit('videoCall', ringing));
    const dialog = await screen.findByRole('dialog', { name: title });
    expect(within(dialog).getByText(from)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: answer })).toBeInTheDocument();
    await app.user.click(within(dialog).getByRole('button', { name: decline }));
    await waitFor(() => expect(declined).toBe(1));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: title })).not.toBeInTheDocument());
  });

  it('answers into the case call, and a call ended elsewhere stops the ringing', async () => {
    const hub = stubEmergencyHub();
    const app = await renderApp({ route: '/emergency/crew', roles: ['Paramedic'], api: { 'GET /api/emergency/crew/cases': [] } });
    await findPageHeading('Ambulance cases');
    act(() => hub.emit('videoCall', ringing));
    expect(await screen.findByRole('dialog', { name: 'Video call from the emergency department' })).toBeInTheDocument();
    act(() => hub.emit('videoCall', { ...ringing, state: 'ended' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    act(() => hub.emit('videoCall', ringing));
    await app.user.click(await screen.findByRole('button', { name: 'Answer' }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/emergency/crew/cases/${caseId}/call`));
  });
});
