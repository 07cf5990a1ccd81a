import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { summary } from '@/features/family/testing/fixtures';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, jsonResponse, problemResponse, renderApp } from '@/testing/test-utils';

const api = {
  'GET /api/family/panel/patients/pat-9': summary(),
  'GET /api/family/team-threads': [],
  'GET /api/family/follow-up-templates': [
    { code: 'hypertension-bp-review', title: '高血压随访：血压复查', titleEn: 'Hypertension: blood pressure review', intervalMonths: 3, conditionCode: 'hypertension' },
    { code: 'annual-review', title: '年度健康评估', titleEn: 'Annual health review', intervalMonths: 12, conditionCode: null },
  ],
};

describe('Patient summary (family doctor)', () => {
  it.each([
    ['en', 'From the hospital record', 'As of Nov 20, 2026, 9:00 AM', 'Essential hypertension (I10)', 'ID 3301**********1830 · mobile 139****1001'],
    ['zh-CN', '医院病历信息', '数据时间：2026年11月20日 09:00', 'Essential hypertension (I10)', '证件号 3301**********1830 · 手机 139****1001'],
  ] as const)('shows the patient, the HIS data with its time and the masked identifiers in %s', async (language, his, asOf, diagnosis, ids) => {
    await renderApp({ route: '/panel/patients/pat-9', roles: ['Doctor'], language, api });
    await findPageHeading('刘建华');
    expect(screen.getByRole('heading', { name: his })).toBeInTheDocument();
    expect(screen.getAllByText(asOf).length).toBeGreaterThan(0);
    expect(screen.getByText(new RegExp(diagnosis.replace(/[()]/g, '\\$&')))).toBeInTheDocument();
    expect(screen.getByText(ids)).toBeInTheDocument();
  });

  it('completes a follow-up task with a note and changes the assessment', async () => {
    const app = await renderApp({
      route: '/panel/patients/pat-9',
      roles: ['Doctor'],
      api: {
        ...api,
        'POST /api/family/follow-up-tasks/task-1/complete': () => jsonResponse((summary().followUpPlans as unknown[])[0]),
        'PUT /api/family/panel/patients/pat-9/assessment': () => new Response(null, { status: 204 }),
      },
    });
    await findPageHeading('刘建华');
    const followUp = screen.getByRole('region', { name: 'Follow-up plans' });
    expect(within(followUp).getByText('Overdue')).toBeInTheDocument();
    expect(within(followUp).getByRole('link', { name: 'Book a video follow-up' })).toHaveAttribute('href', '/panel/patients/pat-9/book-follow-up?taskId=task-1');
    await app.user.click(within(followUp).getByRole('button', { name: 'Complete' }));
    await app.user.click(within(followUp).getByRole('button', { name: 'Mark as done' }));
    expect(await within(followUp).findByText('Write a short note.')).toBeInTheDocument();
    await app.user.type(within(followUp).getByLabelText(/Short note/), 'BP 132/84, continue');
    await app.user.click(within(followUp).getByRole('button', { name: 'Mark as done' }));
    await waitFor(() => expect(app.requests.find((r) => r.path.endsWith('/complete'))?.body).toEqual({ note: 'BP 132/84, continue' }));

    await app.user.click(screen.getByRole('button', { name: 'Change risk and conditions' }));
    await app.user.click(screen.getByRole('checkbox', { name: 'Diabetes' }));
    await app.user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(app.requests.find((r) => r.method === 'PUT')?.body).toEqual({ risk: 'High', conditions: ['hypertension', 'diabetes'] }));
    expect(await act(() => seriousA11yViolations())).toEqual([]);
  });

  it('says the patient is not found for a doctor outside the team', async () => {
    await renderApp({ route: '/panel/patients/pat-9', roles: ['Doctor'], api: { 'GET /api/family/panel/patients/pat-9': () => problemResponse(404, { title: 'Patient was not found.', code: 'not_found' }) } });
    expect(await screen.findByRole('alert')).toHaveTextContent('This could not be found. It may have been removed, or it is not yours to see.');
    expect(screen.getByRole('link', { name: 'Back to my patients' })).toBeInTheDocument();
  });
});
