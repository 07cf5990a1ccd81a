import { Alert, Anchor, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordedMeasurement } from '../api/record-measurement';
import { formatReading } from '../lib/format';
import { readableAlert } from './tag';

/**
 * What the patient should do now. A dangerous reading says, in plain words and at once, to seek emergency care
 * (an assertive alert, so a screen reader says it straight away); it never waits for the doctor.
 */
export function ReadingResult({ result }: { result: RecordedMeasurement }): ReactNode {
  const { t } = useTranslation('family');
  const reading = formatReading(result.measurement, t);

  if (result.advice === 'SeekEmergencyCare') {
    return (
      <Paper role="alert" bg="red.9" c="white" p="md" radius="md" aria-labelledby="emergency-title">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconAlertTriangle size={28} aria-hidden="true" />
          <Stack gap="xs">
            <Title order={2} size="h3" id="emergency-title" c="white">
              {t('advice.emergencyTitle')}
            </Title>
            <Text fw={600}>{t('advice.emergencyReading', { reading })}</Text>
            <List spacing={4} c="white">
              {result.measurement.findings
                .filter((finding) => t(`advice.now.${finding}`, { defaultValue: '' }))
                .map((finding) => (
                  <List.Item key={finding}>{t(`advice.now.${finding}`)}</List.Item>
                ))}
            </List>
            <Text>
              <Anchor href="tel:120" c="white" fw={700} underline="always" fz="lg">
                {t('advice.call120')}
              </Anchor>
            </Text>
            <Text>{result.teamAlerted ? t('advice.teamAlerted') : t('advice.noTeam')}</Text>
          </Stack>
        </Group>
      </Paper>
    );
  }

  if (result.advice === 'RecheckAndTellTeam') {
    return (
      <Alert color="yellow" role="status" style={readableAlert} icon={<IconInfoCircle aria-hidden="true" />} title={t('advice.outOfTargetTitle')}>
        {t('advice.outOfTarget', { reading })}
      </Alert>
    );
  }

  return (
    <Alert color="green" role="status" style={readableAlert} icon={<IconCircleCheck aria-hidden="true" />} title={t('advice.normalTitle')}>
      {t('advice.normal', { reading })}
    </Alert>
  );
}
