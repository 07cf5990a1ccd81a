import { Alert, Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../api/schemas';
import { findingText, severityColor } from '../lib/format';

/** The automated checks, most severe first, each with its severity and (for interactions) the advice. */
export function FindingsList({ findings }: { findings: readonly Finding[] }): ReactNode {
  const { t, i18n } = useTranslation('renewals');
  return (
    <Stack component="section" aria-labelledby="findings-heading" gap="xs">
      <Title order={2} size="h4" id="findings-heading">
        {t('pharmacy.checks')}
      </Title>
      {findings.length === 0 && <Text c="teal.9">{t('pharmacy.noFindings')}</Text>}
      {findings.map((finding, index) => (
        <Alert key={`${finding.kind}-${finding.drugCode}-${index}`} color={severityColor[finding.severity].split('.')[0]} variant="light" p="sm">
          <Stack gap={4}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Badge color={severityColor[finding.severity]} variant="filled" styles={{ label: { textTransform: 'none' } }}>
                {t(`severity.${finding.severity}`)}
              </Badge>
              <Text fw={600} size="sm">
                {findingText(t, i18n.language, finding)}
              </Text>
            </Group>
            {(finding.advice || finding.adviceEn) && (
              <Text size="sm">{i18n.language.startsWith('zh') ? finding.advice : (finding.adviceEn ?? finding.advice)}</Text>
            )}
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}
