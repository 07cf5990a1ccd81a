import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RenewalSummary } from '../api/schemas';
import { drugName } from '../lib/format';
import { RenewalStatusBadge } from './renewal-status-badge';
import { formatInstant } from '@/lib/date-time';

export interface RenewalQueueListProps {
  title: string;
  items: readonly RenewalSummary[];
  /** Where an item leads, e.g. (id) => `/doctor/renewals/${id}`. */
  linkTo: (id: string) => string;
  /** i18n key of the link text, with {{reference}} and {{name}}. */
  linkKey: string;
  showRouting?: boolean;
}

/** A staff queue section: each request with the patient, the medicines, its state and flags, and a link to it. */
export function RenewalQueueList({ title, items, linkTo, linkKey, showRouting = false }: RenewalQueueListProps): ReactNode {
  const { t, i18n } = useTranslation('renewals');
  const id = `queue-${title.replace(/\W+/g, '-')}`;
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} size="h3" id={id}>
        {title} ({items.length})
      </Title>
      {items.length === 0 && <Text c="dimmed">{t('pharmacy.empty')}</Text>}
      {items.map((item) => (
        <Card key={item.id} withBorder radius="md" padding="md">
          <Group justify="space-between" align="flex-start" gap="xs">
            <Stack gap={2}>
              <Anchor component={Link} to={linkTo(item.id)} fw={600}>
                {t(linkKey, { reference: item.reference, name: item.patientName ?? '' })}
              </Anchor>
              <Text size="sm">{item.items.map((d) => `${drugName(i18n.language, d.drugName, d.drugNameEn)} ${d.strength} × ${d.daysSupply}d`).join(', ')}</Text>
              <Text size="xs" c="dimmed">
                {formatInstant(item.submittedAt, i18n.language)} · {t(`form.${item.fulfilment === 'Pickup' ? 'pickup' : 'delivery'}`)}
              </Text>
            </Stack>
            <Group gap={6}>
              {item.isFlagged && (
                <Badge color="red.9" variant="filled" styles={{ label: { textTransform: 'none' } }}>
                  {t('doctor.flagged')}
                </Badge>
              )}
              {showRouting && item.routingReason && (
                <Badge color="gray.7" variant="outline" styles={{ label: { textTransform: 'none' } }}>
                  {t(`doctor.routing.${item.routingReason}`, { defaultValue: item.routingReason })}
                </Badge>
              )}
              <RenewalStatusBadge summary={item} />
            </Group>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
