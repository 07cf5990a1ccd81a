import { Card, Code, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Prescription } from '../api/schemas';
import { drugName, frequencyText } from '../lib/format';
import { formatInstant } from '@/lib/date-time';

/** A signed prescription: its lines, who signed it and when, and the content hash of the signature. */
export function PrescriptionCard({ prescription, headingOrder = 2 }: { prescription: Prescription; headingOrder?: 2 | 3 }): ReactNode {
  const { t, i18n } = useTranslation('renewals');
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('detail.prescription')}>
      <Stack gap="xs">
        <Title order={headingOrder} size="h4">
          {t('detail.prescription')}
        </Title>
        <List spacing={4}>
          {prescription.lines.map((line) => (
            <List.Item key={line.itemId}>
              {t('detail.line', {
                name: drugName(i18n.language, line.drugName, line.drugNameEn),
                strength: line.strength,
                dose: line.doseAmount,
                unit: line.doseUnit,
                frequency: frequencyText(t, line.frequency),
                days: line.daysSupply,
                quantity: line.quantity,
              })}
            </List.Item>
          ))}
        </List>
        <Text size="sm">{t('detail.signedBy', { doctor: prescription.doctorName, time: formatInstant(prescription.signedAt, i18n.language) })}</Text>
        {prescription.note && <Text size="sm">{prescription.note}</Text>}
        <Text size="xs" c="dimmed">
          {t('detail.hash')}
        </Text>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
          {prescription.contentHash}
        </Code>
      </Stack>
    </Card>
  );
}
