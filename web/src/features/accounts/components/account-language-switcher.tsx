import type { ReactNode } from 'react';
import { LanguageSwitcher } from '@/components/language-switcher';
import type { Language } from '@/lib/i18n';
import { useUpdatePreferences } from '../api/update-preferences';
import { useAuth } from './auth-context';

/** The language switch; for a signed-in user it also stores the choice on the server (for e-mails). */
export function AccountLanguageSwitcher(): ReactNode {
  const { status } = useAuth();
  const { mutate } = useUpdatePreferences();
  const onChange = (language: Language): void => {
    if (status === 'signedIn') mutate({ language });
  };
  return <LanguageSwitcher onChange={onChange} />;
}
