import { CloseButton, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { renderedFramePath } from '../lib/paths';
import { AuthImage } from './auth-image';

export interface SharedImageRef {
  patientId: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  frame: number;
}

/**
 * The patient's side of "the doctor shows you an image" in a call: the frame as the server renders it, fetched through
 * the patient's own imaging route (so only the patient's own studies ever show).
 */
export function SharedImage({ image, onDismiss }: { image: SharedImageRef; onDismiss: () => void }): ReactNode {
  const { t } = useTranslation('imaging');
  return (
    <Card withBorder radius="md" padding="sm" role="region" aria-label={t('call.sharedTitle')}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={500} role="status">
            {t('call.sharedTitle')}
          </Text>
          <CloseButton aria-label={t('call.dismiss')} onClick={onDismiss} />
        </Group>
        <AuthImageFrame image={image} />
      </Stack>
    </Card>
  );
}

function AuthImageFrame({ image }: { image: SharedImageRef }): ReactNode {
  const { t } = useTranslation('imaging');
  return (
    <AuthImage
      key={`${image.sopInstanceUid}/${image.frame}`}
      path={renderedFramePath('patient', image.patientId, image, image.frame)}
      alt={t('call.sharedAlt')}
      height="min(90vw, 50vh)"
      style={{ width: '100%', borderRadius: 8 }}
    />
  );
}
