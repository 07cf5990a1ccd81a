import { currentLanguage, hasStoredLanguage, isLanguage, setLanguage } from '@/lib/i18n';
import { updatePreferences } from '../api/update-preferences';
import type { Me } from '../api/get-me';

/**
 * After sign-in: a language chosen on this device wins; otherwise adopt the account's stored preference.
 * An account without one gets the current UI language stored, so server e-mails match what the user reads.
 */
export async function syncLanguageWithAccount(me: Me): Promise<void> {
  if (!hasStoredLanguage() && isLanguage(me.preferredLanguage)) {
    if (me.preferredLanguage !== currentLanguage()) await setLanguage(me.preferredLanguage);
    return;
  }
  if (!isLanguage(me.preferredLanguage) || me.preferredLanguage !== currentLanguage()) {
    await updatePreferences({ language: currentLanguage() }).catch(() => undefined);
  }
}
