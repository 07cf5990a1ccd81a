import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '@/lib/resident-id';
import { findPageHeading, jsonResponse, noContent, problemResponse, renderApp } from '@/testing/test-utils';

const child = { patientId: 'pat-child', name: '李小明', relation: 'child', relationship: 'Guardian', status: 'active', scopes: ['appointments', 'results', 'medications', 'messages', 'payments'], accessEndsOn: null, ageYears: 4, guardianMustAttend: true, adolescentShares: null };
const father = { patientId: 'pat-father', name: '李建国', relation: 'parent', relationship: null, status: 'pending', scopes: ['appointments'], accessEndsOn: null, ageYears: 71, guardianMustAttend: false, adolescentShares: null };
const first17 = '11010120220501123';
const childId = first17 + residentIdCheckChar(first17);

describe('Family members page (就诊人管理)', () => {
  it('lists the people, adds a 4-year-old with the date of birth and sex read from the ID, and says so', async () => {
    let members: object[] = [father];
    const app = await renderApp({
      route: '/family',
      roles: ['Patient'],
      api: {
        'GET /api/family/members': () => jsonResponse(members),
        'POST /api/family/members': () => {
          members = [father, child];
          return jsonResponse({ patientId: 'pat-child', status: 'active' }, 201);
        },
      },
    });
    await findPageHeading('Family members');
    const pending = await screen.findByRole('article', { name: '李建国' });
    expect(within(pending).getByText('Waiting for consent')).toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: 'Add a family member' }));
    await app.user.type(screen.getByLabelText(/ID number/), childId.toLowerCase());
    await app.user.type(screen.getByLabelText(/Full name/), '李小明');
    expect(screen.getByLabelText(/Date of birth/)).toHaveValue('2022-05-01');
    await app.user.click(screen.getByRole('button', { name: 'Add' }));

    expect(await screen.findByText(/李小明 was added/)).toBeInTheDocument();
    const post = app.requests.find((request) => request.method === 'POST' && request.path === '/api/family/members');
    expect(post?.body).toEqual({ relation: 'child', idType: 'resident', idNumber: childId, fullName: '李小明', dateOfBirth: '2022-05-01', sex: 'Male' });
    const added = await screen.findByRole('article', { name: '李小明' });
    expect(within(added).getByText('Under 6: online visits and renewals only with you present.')).toBeInTheDocument();
  });

  it('stops a resident ID that fails the GB 11643 check before sending it', async () => {
    const app = await renderApp({ route: '/family', roles: ['Patient'], api: { 'GET /api/family/members': [] } });
    await findPageHeading('Family members');
    await app.user.click(screen.getByRole('button', { name: 'Add a family member' }));
    const wrong = first17 + (residentIdCheckChar(first17) === '1' ? '2' : '1');
    await app.user.type(screen.getByLabelText(/ID number/), wrong);
    await app.user.type(screen.getByLabelText(/Full name/), '李小明');
    await app.user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('This resident ID number is not valid: check it for a typing mistake.')).toBeInTheDocument();
    expect(app.requests.some((request) => request.method === 'POST')).toBe(false);
  });

  it('puts the server\'s answers where they belong: a field error under its field, a duplicate under the ID', async () => {
    let answer = problemResponse(400, { code: 'validation_failed', errors: { FullName: ['姓名与证件不符 / The name does not match the ID.'] } });
    const app = await renderApp({
      route: '/family',
      roles: ['Patient'],
      api: { 'GET /api/family/members': [], 'POST /api/family/members': () => answer },
    });
    await findPageHeading('Family members');
    await app.user.click(screen.getByRole('button', { name: 'Add a family member' }));
    await app.user.type(screen.getByLabelText(/ID number/), childId);
    await app.user.type(screen.getByLabelText(/Full name/), '李小明');
    await app.user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('姓名与证件不符 / The name does not match the ID.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Full name/)).toHaveAttribute('aria-invalid', 'true');

    answer = problemResponse(409, { code: 'member_already_added' });
    await app.user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('You already act for this person, or have already asked them.')).toBeInTheDocument();
    expect(screen.getByLabelText(/ID number/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('invites an adult with what the account asks to do', async () => {
    const first = '11010119550302123';
    const id = first + residentIdCheckChar(first);
    const app = await renderApp({
      route: '/family',
      roles: ['Patient'],
      language: 'zh-CN',
      api: { 'GET /api/family/members': [], 'POST /api/family/members': () => jsonResponse({ status: 'pending', invitationId: 'inv-1' }, 201) },
    });
    await findPageHeading('就诊人管理');
    await app.user.click(screen.getByRole('button', { name: '添加就诊人' }));
    await app.user.selectOptions(screen.getByLabelText('TA 是我的'), 'parent');
    await app.user.type(screen.getByLabelText(/证件号码/), id);
    await app.user.type(screen.getByLabelText(/姓名/), '李建国');
    await app.user.click(screen.getByRole('button', { name: '发送邀请' }));
    expect(await screen.findByText('请输入对方的电子邮箱或手机号，以便征得其同意。')).toBeInTheDocument();
    await app.user.type(screen.getByLabelText('对方的手机号'), '13800138000');
    await app.user.click(screen.getByRole('button', { name: '发送邀请' }));
    expect(await screen.findByText('已请求 李建国 同意。对方同意后您即可为其办理。')).toBeInTheDocument();
    expect(app.requests.find((request) => request.method === 'POST')?.body).toEqual({
      relation: 'parent', idType: 'resident', idNumber: id, fullName: '李建国', dateOfBirth: '1955-03-02', sex: 'Male', phone: '13800138000', scopes: ['appointments', 'medications'],
    });
  });

  it('removes a person after confirmation', async () => {
    const app = await renderApp({
      route: '/family',
      roles: ['Patient'],
      api: { 'GET /api/family/members': [child], 'DELETE /api/family/members/pat-child': () => noContent() },
    });
    await app.user.click(await screen.findByRole('button', { name: 'Remove 李小明' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove a family member' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(app.requests.some((request) => request.method === 'DELETE' && request.path === '/api/family/members/pat-child')).toBe(true));
  });
});
