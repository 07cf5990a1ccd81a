import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';

/**
 * Confirms that an admin's action was taken. A status (polite), not Mantine's default alert, and its close button
 * has a name screen readers can say.
 */
export function confirmAction(message: string, t: TFunction): void {
  notifications.show({ message, color: 'teal', role: 'status', closeButtonProps: { 'aria-label': t('his:close') } });
}
