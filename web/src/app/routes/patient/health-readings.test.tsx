import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reading, targets } from '@/features/family/testing/fixtures';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, jsonResponse, problemResponse, renderApp } from '@/testing/test-utils';

const history = { items: [reading()], targets };

describe('Health readings (patient)', () => {
  it.each([
    ['en', 'Health readings', 'Seek emergency care now', 'Call 120 (emergency)', 'Your family-doctor team has been alerted'],
    ['zh-CN', '健康监测', '请立即就医', '拨打120急救电话', '已通知您的家庭医生团队'],
  ] as const)('tells the patient in %s to seek emergency care after 185/112', async (language, title, advice, call, alerted) => {
    const app = await renderApp({
      route: '/health-readings',
      roles: ['Patient'],
      language,
      api: {
        'GET /api/family/patients/pat-1/measurements': history,
        'POST /api/family/patients/pat-1/measurements': () =>
          jsonResponse(
            { measurement: reading({ id: 'm-2', systolic: 185, diastolic: 112, heartRate: null, flag: 'Dangerous', findings: ['bp_crisis'] }), advice: 'SeekEmergencyCare', teamAlerted: true },
            201,
          ),
      },
    });
    await findPageHeading(title);
    const form = screen.getByRole('form');
    const inputs = within(form).getAllByRole('textbox');
    await app.user.type(inputs[0]!, '185');
    await app.user.type(inputs[1]!, '112');
    await app.user.click(within(form).getByRole('button'));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(advice);
    expect(alert).toHaveTextContent('185/112 mmHg');
    expect(alert).toHaveTextContent(alerted);
    expect(within(alert).getByRole('link', { name: call })).toHaveAttribute('href', 'tel:120');
    await waitFor(() => expect(app.requests.find((r) => r.method === 'POST')?.body).toEqual({ kind: 'BloodPressure', systolic: 185, diastolic: 112 }));
  });

  it('shows the server field errors on the fields and changes the fields with the kind', async () => {
    const app = await renderApp({
      route: '/health-readings',
      roles: ['Patient'],
      api: {
        'GET /api/family/patients/pat-1/measurements': history,
        'POST /api/family/patients/pat-1/measurements': () =>
          problemResponse(400, { errors: { systolic: ['The value must be between 40 and 300 mmHg; check what you typed.'] } }),
      },
    });
    await findPageHeading('Health readings');
    await app.user.click(screen.getByRole('button', { name: 'Save reading' }));
    expect(screen.getAllByText('Enter a value.')).toHaveLength(2);

    await app.user.type(screen.getByRole('textbox', { name: 'Upper number (systolic)' }), '400');
    await app.user.type(screen.getByRole('textbox', { name: 'Lower number (diastolic)' }), '90');
    await app.user.click(screen.getByRole('button', { name: 'Save reading' }));
    expect(await screen.findByText('The value must be between 40 and 300 mmHg; check what you typed.')).toBeInTheDocument();

    await app.user.selectOptions(screen.getByLabelText('Type of reading'), 'BloodGlucose');
    expect(screen.getByRole('textbox', { name: 'Blood glucose' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'after a meal' })).toBeInTheDocument();
    expect(await act(() => seriousA11yViolations())).toEqual([]);
  });

  it('lists the readings with the target ranges', async () => {
    await renderApp({ route: '/health-readings', roles: ['Patient'], api: { 'GET /api/family/patients/pat-1/measurements': history } });
    expect(await screen.findByText(/Target: upper 90–139, lower 60–89 mmHg/)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Blood pressure chart with 1 reading/ })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '128/82 mmHg, pulse 72/min' })).toBeInTheDocument();
  });
});
