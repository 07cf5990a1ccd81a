import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const incoming = {
  id: 'ref-1',
  direction: 'Up',
  urgency: 'Routine',
  status: 'Created',
  patientId: 'pat-9',
  patientName: '张伟',
  fromDoctorName: '陈静',
  fromFacility: { id: 'f2', name: '东湖社区卫生服务中心', nameEn: 'Donghu Community Health Centre' },
  toFacility: { id: 'f1', name: '市第一人民医院', nameEn: "City First People's Hospital" },
  toDepartment: { id: 'd1', name: '心血管内科', nameEn: 'Cardiology' },
  toTeam: null,
  reason: '血压控制不佳',
  clinicalQuestion: '',
  declineReason: null,
  createdAt: '2026-12-01T02:00:00Z',
  updatedAt: '2026-12-01T02:00:00Z',
  proposedSlot: null,
  appointmentId: null,
  attachments: [],
  medicines: [],
  tasks: [],
  timeline: [{ status: 'Created', at: '2026-12-01T02:00:00Z', note: null }],
  canDecide: true,
  canCancel: false,
};

describe('Referrals (doctor)', () => {
  it('declines an incoming referral with a reason', async () => {
    const app = await renderApp({
      route: '/doctor/referrals',
      roles: ['Doctor'],
      api: {
        'GET /api/referrals': [incoming],
        'GET /api/referrals/ref-1': { referral: incoming, reservedSlots: [] },
        'POST /api/referrals/ref-1/decline': { ...incoming, status: 'Declined', declineReason: '本周号源已满', canDecide: false },
      },
    });
    await findPageHeading('Referrals');
    expect(await screen.findByText('张伟')).toBeInTheDocument();
    await app.user.type(screen.getByRole('textbox', { name: 'Reason for declining' }), '本周号源已满');
    await app.user.click(screen.getByRole('button', { name: 'Decline' }));
    await waitFor(() => expect(app.requests.some((r) => r.method === 'POST' && r.path === '/api/referrals/ref-1/decline')).toBe(true));
  });

  describe('sending a patient back down with a care plan', () => {
    const targets = {
      myFacilityKind: 'Hospital',
      departments: [],
      teams: [{ id: 'team-1', name: '东湖家庭医生团队', nameEn: 'Donghu family-doctor team', facilityName: '东湖社区卫生服务中心', facilityNameEn: 'Donghu Community Health Centre' }],
    };
    const templates = [
      { code: 'hypertension-bp-review', title: '血压复查', titleEn: 'Blood pressure review', intervalMonths: 3, conditionCode: 'I10' },
      { code: 'lipid-recheck', title: '血脂复查', titleEn: 'Lipid recheck', intervalMonths: 6, conditionCode: null },
    ];
    const api = (): Record<string, object> => ({
      'GET /api/referrals': [incoming],
      'GET /api/referrals/targets': targets,
      'GET /api/family/follow-up-templates': templates,
      'POST /api/referrals/down': { ...incoming, id: 'ref-2', direction: 'Down' },
    });

    it('sends the medicines and every follow-up task the doctor added', async () => {
      const app = await renderApp({ route: '/doctor/referrals', roles: ['Doctor'], api: api() });
      await findPageHeading('Referrals');
      await app.user.click(screen.getByRole('radio', { name: 'New referral' }));
      const form = await screen.findByRole('form', { name: 'Refer down to a family-doctor team' });
      await app.user.click(within(form).getByRole('combobox', { name: /^Patient/ }));
      await app.user.click(await screen.findByRole('option', { name: '张伟' }));
      await app.user.click(within(form).getByRole('combobox', { name: /^Family-doctor team/ }));
      await app.user.click(await screen.findByRole('option', { name: /^Donghu family-doctor team/ }));
      await app.user.type(within(form).getByRole('textbox', { name: /^Reason/ }), '血压平稳，回社区管理');

      // Two medicines, the second with a twice-daily dose for 14 days; a third added and removed again.
      await app.user.click(within(form).getByRole('button', { name: 'Add a medicine' }));
      await app.user.click(within(form).getByRole('button', { name: 'Add a medicine' }));
      await app.user.click(within(form).getByRole('button', { name: 'Add a medicine' }));
      await app.user.click(within(form).getByRole('button', { name: 'Remove medicine 3' }));
      expect(within(form).queryByRole('group', { name: 'Medicine 3' })).not.toBeInTheDocument();
      const first = within(form).getByRole('group', { name: 'Medicine 1' });
      await app.user.type(within(first).getByRole('textbox', { name: 'Drug code' }), 'C08CA01-5');
      await app.user.clear(within(first).getByRole('textbox', { name: 'Dose' }));
      await app.user.type(within(first).getByRole('textbox', { name: 'Dose' }), '5');
      const second = within(form).getByRole('group', { name: 'Medicine 2' });
      await app.user.type(within(second).getByRole('textbox', { name: 'Drug code' }), 'C10AA05-20');
      await app.user.clear(within(second).getByRole('textbox', { name: 'Dose' }));
      await app.user.type(within(second).getByRole('textbox', { name: 'Dose' }), '20');
      await app.user.click(within(second).getByRole('combobox', { name: 'How often' }));
      await app.user.click(await screen.findByRole('option', { name: 'twice a day' }));
      await app.user.clear(within(second).getByRole('textbox', { name: 'Days' }));
      await app.user.type(within(second).getByRole('textbox', { name: 'Days' }), '14');

      // Two follow-up tasks.
      await app.user.click(within(form).getByRole('button', { name: 'Add a follow-up task' }));
      const tasks = [['Follow-up task 1', 'Blood pressure review', '2027-01-06'], ['Follow-up task 2', 'Lipid recheck', '2027-03-06']] as const;
      for (const [group, template, due] of tasks) {
        const row = within(form).getByRole('group', { name: group });
        await app.user.click(within(row).getByRole('combobox', { name: 'Follow-up task' }));
        await app.user.click(await screen.findByRole('option', { name: template }));
        fireEvent.change(within(row).getByLabelText('Due on'), { target: { value: due } });
      }

      await app.user.click(within(form).getByRole('button', { name: 'Send referral' }));
      await waitFor(() => expect(app.requests.some((r) => r.method === 'POST' && r.path === '/api/referrals/down')).toBe(true));
      expect(app.requests.find((r) => r.method === 'POST' && r.path === '/api/referrals/down')?.body).toEqual({
        patientId: 'pat-9',
        teamId: 'team-1',
        reason: '血压平稳，回社区管理',
        carePlan: '',
        medicines: [
          { drugCode: 'C08CA01-5', doseAmount: 5, frequency: 'qd', route: 'oral', days: 28 },
          { drugCode: 'C10AA05-20', doseAmount: 20, frequency: 'bid', route: 'oral', days: 14 },
        ],
        tasks: [
          { templateCode: 'hypertension-bp-review', dueOn: '2027-01-06' },
          { templateCode: 'lipid-recheck', dueOn: '2027-03-06' },
        ],
      });
    });

    it('will not send a medicine without days, and speaks Chinese', async () => {
      const app = await renderApp({ route: '/doctor/referrals', roles: ['Doctor'], language: 'zh-CN', api: api() });
      await app.user.click(await screen.findByRole('radio', { name: '新建转诊' }));
      const form = await screen.findByRole('form', { name: '下转至家庭医生团队' });
      expect(within(form).getByText('尚未添加药品。')).toBeInTheDocument();
      await app.user.click(within(form).getByRole('button', { name: '添加药品' }));
      const row = within(form).getByRole('group', { name: '药品 1' });
      await app.user.type(within(row).getByRole('textbox', { name: '药品编码' }), 'C08CA01-5');
      await app.user.clear(within(row).getByRole('textbox', { name: '天数' }));
      expect(within(form).getByText('每种药品需填写剂量和 1 至 84 天。')).toBeInTheDocument();
      expect(within(form).getByRole('button', { name: '发送转诊' })).toBeDisabled();
      expect(within(form).getByRole('button', { name: '添加随访任务' })).toBeInTheDocument();
    });
  });
});
