import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

const siteInfoSchema = z.object({ developmentStandIns: z.array(z.string()) });

/**
 * Shown on every page (signed in or not) of a site that runs development stand-ins outside Development (a staging
 * site with AllowDevelopmentStandIns=true): no real payment is taken and nothing reaches the hospital.
 * Note: fetched once outside the query cache, which sign-out empties of everything.
 */
export function StagingBanner(): ReactNode {
  const { t } = useTranslation('common');
  const [standIns, setStandIns] = useState<string[]>([]);
  useEffect(() => {
    let cancelled = false;
    apiJson('/api/site', siteInfoSchema, { auth: false })
      .then((site) => {
        if (!cancelled) setStandIns(site.developmentStandIns);
      })
      .catch(() => {
        // No banner when the site cannot say: the banner only ever adds a warning.
      });
    return () => {
      cancelled = true;
    };
  }, []);
  if (standIns.length === 0) return null;

  return (
    <Alert color="orange" variant="filled" radius={0} icon={<IconAlertTriangle aria-hidden="true" />} title={t('staging.title')} mb="md">
      {standIns.includes('payments') && <div>{t('staging.payments')}</div>}
      {standIns.includes('his') && <div>{t('staging.his')}</div>}
      {standIns.includes('sms') && <div>{t('staging.sms')}</div>}
    </Alert>
  );
}
