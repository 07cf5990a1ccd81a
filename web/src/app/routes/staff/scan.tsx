import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { useMe } from '@/features/accounts/api/get-me';
import type { ScanPurpose } from '@/features/health-code/api/health-code';
import { ScanDesk } from '@/features/health-code/components/scan-desk';

/** What each role scans for (the server decides; this only offers the choices that will be accepted). */
const purposesByRole: Record<string, readonly ScanPurpose[]> = {
  Registrar: ['check-in'],
  Pharmacist: ['pickup'],
  Nurse: ['check-in', 'home-visit', 'emergency'],
  Doctor: ['check-in', 'home-visit', 'emergency'],
};

/** The staff's scan page: identify a patient by their health code at any desk of the consortium. */
export default function ScanRoute(): ReactNode {
  const { t } = useTranslation('healthCode');
  const roles = useMe().data?.roles ?? [];
  const purposes = [...new Set(roles.flatMap((role) => purposesByRole[role] ?? []))];
  return (
    <Page title={t('scan.title')} description={t('scan.description')}>
      <ScanDesk purposes={purposes} defaultPurpose={purposes[0] ?? 'check-in'} />
    </Page>
  );
}
