import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '@/lib/i18n';
import { findPageHeading, noContent, renderApp } from '@/testing/test-utils';

describe('language switcher', () => {
  it('switches to Chinese, persists the choice and sets <html lang>', async () => {
    const { user } = await renderApp({ route: '/' });
    await findPageHeading('InternetHospital');
    const select = screen.getByRole('combobox', { name: 'Language' });
    expect(select).toHaveValue('en');
    expect(screen.getByRole('option', { name: 'English' })).toBeInTheDocument();

    await user.selectOptions(select, '中文');

    await findPageHeading('互联网医院');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');

    await user.selectOptions(screen.getByRole('combobox', { name: '语言' }), 'English');
    await findPageHeading('InternetHospital');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('stores a signed-in user’s choice on the server for e-mails', async () => {
    const { user, requests } = await renderApp({
      route: '/my-health',
      roles: ['Patient'],
      api: { 'PUT /api/me/preferences': () => noContent() },
    });
    await findPageHeading('My health');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
    await findPageHeading('我的健康');
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'PUT' && r.path === '/api/me/preferences')?.body).toEqual({
        language: 'zh-CN',
      }),
    );
    const put = requests.find((r) => r.path === '/api/me/preferences');
    expect(put?.headers.authorization).toBe('Bearer test-access-token');
  });
});
