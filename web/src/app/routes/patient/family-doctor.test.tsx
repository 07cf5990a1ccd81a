import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { catalogue, contract, team } from '@/features/family/testing/fixtures';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, jsonResponse, noContent, problemResponse, renderApp } from '@/testing/test-utils';

const noContract = { current: null, history: [] };

describe('My family doctor (patient)', () => {
  it.each([
    ['en', 'My family doctor', 'Donghu family-doctor team of Dr Chen Jing', 'Hypertension management', 'Apply to sign', 'CN¥120.00 a year'],
    ['zh-CN', '我的家庭医生', '东湖社区陈静家庭医生团队', '高血压管理包', '申请签约', '每年 ¥120.00'],
  ] as const)('offers the teams and packages with their yearly fee in %s', async (language, title, teamName, packageName, submit, fee) => {
    await renderApp({
      route: '/family-doctor',
      roles: ['Patient'],
      language,
      api: { 'GET /api/family/patients/pat-1/contracts': noContract, 'GET /api/family/teams': catalogue },
    });
    await findPageHeading(title);
    expect(await screen.findByRole('radio', { name: teamName })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: packageName })).toBeInTheDocument();
    expect(screen.getByText(fee)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: submit })).toBeInTheDocument();
  });

  it('applies with the chosen team and package, and says what to choose when something is missing', async () => {
    let applied = false;
    const app = await renderApp({
      route: '/family-doctor',
      roles: ['Patient'],
      api: {
        'GET /api/family/patients/pat-1/contracts': () => jsonResponse(applied ? { current: contract({ status: 'Pending', inForce: false, startsAt: null, endsAt: null }), history: [] } : noContract),
        'GET /api/family/teams': catalogue,
        'POST /api/family/patients/pat-1/contracts': () => {
          applied = true;
          return jsonResponse(contract({ status: 'Pending' }), 201);
        },
      },
    });
    const submit = await screen.findByRole('button', { name: 'Apply to sign' });
    await app.user.click(submit);
    expect(await screen.findByText('Choose a team.')).toBeInTheDocument();
    expect(screen.getByText('Choose a service package.')).toBeInTheDocument();
    expect(await act(() => seriousA11yViolations())).toEqual([]);

    await app.user.click(screen.getByRole('radio', { name: 'Donghu family-doctor team of Dr Chen Jing' }));
    await app.user.click(screen.getByRole('radio', { name: 'Hypertension management' }));
    await app.user.type(screen.getByLabelText('Message to the team (optional)'), 'Help with my blood pressure');
    await app.user.click(submit);

    await waitFor(() => expect(app.requests.find((r) => r.method === 'POST')?.body).toEqual({ teamId: 'team-1', packageId: 'pkg-htn', note: 'Help with my blood pressure' }));
    expect(await screen.findByText('Waiting for the team')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Withdraw the application' })).toBeInTheDocument();
  });

  it('offers with each team only the packages it offers, dropping a choice the new team does not offer', async () => {
    const basicOnly = { ...team, id: 'team-2', name: '西湖团队', nameEn: 'Xihu team', packageIds: ['pkg-basic'] };
    const app = await renderApp({
      route: '/family-doctor',
      roles: ['Patient'],
      api: { 'GET /api/family/patients/pat-1/contracts': noContract, 'GET /api/family/teams': { ...catalogue, teams: [team, basicOnly] } },
    });
    await app.user.click(await screen.findByRole('radio', { name: 'Donghu family-doctor team of Dr Chen Jing' }));
    await app.user.click(screen.getByRole('radio', { name: 'Hypertension management' }));

    await app.user.click(screen.getByRole('radio', { name: 'Xihu team' }));
    expect(screen.queryByRole('radio', { name: 'Hypertension management' })).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Basic package' })).not.toBeChecked();
    await app.user.click(screen.getByRole('button', { name: 'Apply to sign' }));
    expect(await screen.findByText('Choose a service package.')).toBeInTheDocument();
  });

  it('shows a contract in force, asks for a reason to end it, and lists the history', async () => {
    const app = await renderApp({
      route: '/family-doctor',
      roles: ['Patient'],
      api: {
        'GET /api/family/patients/pat-1/contracts': {
          current: contract({ canRequestRenewal: true }),
          history: [contract({ id: 'old', status: 'Declined', inForce: false, startsAt: null, declineReason: 'Outside our area' })],
        },
        'POST /api/family/contracts/contract-1/end': () => noContent(),
        'POST /api/family/contracts/contract-1/renewal-request': () => problemResponse(409, { code: 'renewal_already_requested' }),
      },
    });
    const card = await screen.findByRole('region', { name: 'Your contract' });
    expect(within(card).getByText('In force')).toBeInTheDocument();
    expect(screen.getByText('Reason: Outside our area')).toBeInTheDocument();

    await app.user.click(within(card).getByRole('button', { name: 'Ask to renew' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('A renewal has already been requested.');

    await app.user.click(within(card).getByRole('button', { name: 'End the contract' }));
    await app.user.click(within(card).getByRole('button', { name: 'End the contract' }));
    expect(await within(card).findByText('Please give a reason.')).toBeInTheDocument();
    await app.user.type(within(card).getByLabelText('Why do you want to end the contract?', { exact: false }), 'Moving away');
    await app.user.click(within(card).getByRole('button', { name: 'End the contract' }));
    await waitFor(() => expect(app.requests.find((r) => r.path.endsWith('/end'))?.body).toEqual({ reason: 'Moving away' }));
  });
});
