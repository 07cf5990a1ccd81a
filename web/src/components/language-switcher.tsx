import { NativeSelect } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import type { ChangeEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, setLanguage, type Language } from '@/lib/i18n';

/** Language names are written in their own language, so anyone can find theirs. */
const languageOptions: ReadonlyArray<{ value: Language; label: string }> = [
  { value: 'en', label: 'English' },
  { value: 'zh-CN', label: '中文' },
];

export interface LanguageSwitcherProps {
  /** Called after the UI language changed (e.g. to store the signed-in user's preference). */
  onChange?: (language: Language) => void;
}

/** A native select labelled "Language" / "语言": works with keyboards, screen readers and phones. */
export function LanguageSwitcher({ onChange }: LanguageSwitcherProps): ReactNode {
  // Note: useTranslation re-renders this on a language change; the value comes from the language asked for (see
  // currentLanguage), since i18next resolves a language only once its texts are in.
  const { t } = useTranslation('common');
  const value = currentLanguage();

  const handleChange = (event: ChangeEvent<HTMLSelectElement>): void => {
    const next = event.currentTarget.value;
    if (!isLanguage(next) || next === value) return;
    void setLanguage(next).then(() => onChange?.(next));
  };

  return (
    <NativeSelect
      label={t('language')}
      // Note: the label stays a real <label for> (screen readers, getByLabel) but is hidden on screen:
      // the language icon and the language names make the control's purpose visible.
      classNames={{ label: 'visually-hidden' }}
      value={value}
      onChange={handleChange}
      leftSection={<IconLanguage size={18} aria-hidden="true" />}
      size="sm"
      // Note: 118 px on phones: at 375 px the English header (menu, brand, bell, this) overflowed by 6 px at 130.
      w={{ base: 118, sm: 130 }}
    >
      {languageOptions.map((option) => (
        <option key={option.value} value={option.value} lang={option.value}>
          {option.label}
        </option>
      ))}
    </NativeSelect>
  );
}
