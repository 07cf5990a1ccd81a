import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { currentLanguage, i18n, LANGUAGE_STORAGE_KEY } from '@/lib/i18n';
import { LanguageSwitcher } from './language-switcher';
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

  it('after a reload in Chinese shows 中文 and loads the other pages’ texts in Chinese', async () => {
    // A reload in Chinese: i18next starts in zh-CN before any text is downloaded (lib/i18n.ts); then only the Chinese
    // texts arrive. Recreate that order (renderApp would switch languages again, so the switcher renders alone).
    const catalogues = structuredClone(i18n.store.data);
    const restore = (language: string): void => {
      for (const [namespace, texts] of Object.entries(catalogues[language] ?? {})) {
        i18n.addResourceBundle(language, namespace, texts, true, true);
      }
    };
    for (const [language, data] of Object.entries(catalogues)) {
      for (const namespace of Object.keys(data)) i18n.removeResourceBundle(language, namespace);
    }
    try {
      await i18n.changeLanguage('zh-CN');
      restore('zh-CN');

      // loadAllNamespaces() downloads the lazily loaded namespaces of this language for the next page.
      expect(currentLanguage()).toBe('zh-CN');
      render(
        <MantineProvider env="test">
          <LanguageSwitcher />
        </MantineProvider>,
      );
      expect(screen.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
    } finally {
      restore('zh-CN');
      restore('en');
    }
  });
});
