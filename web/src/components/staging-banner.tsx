import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

const siteInfoSchema = z.object({ developmentStandIns: z.array(z.string()) });

/**
 * Shown on every page (signed in or not) of a site that runs development stand-ins outside Development (a staging
 * site with AllowDevelopmentStandIns=true): no real payment is taken and nothing reaches the hospital.
 */
export function StagingBanner(): ReactNode {
  const { t } = useTranslation('common');
  const site = useQuery({
    queryKey: ['site'],
    queryFn: () => apiJson('/api/site', siteInfoSchema, { auth: false }),
    staleTime: Infinity,
    retry: false,
  });
  const standIns = site.data?.developmentStandIns ?? [];
  if (standIns.length === 0) return null;

  return (
    <Alert color="orange" variant="filled" radius={0} icon={<IconAlertTriangle aria-hidden="true" />} title={t('staging.title')} mb="md">
      {standIns.includes('payments') && <div>{t('staging.payments')}</div>}
      {standIns.includes('his') && <div>{t('staging.his')}</div>}
    </Alert>
  );
}
