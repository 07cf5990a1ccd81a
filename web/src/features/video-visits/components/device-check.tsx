import { Alert, Button, Group, List, Progress, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { runNetworkCheck, type NetworkCheckResult } from '../lib/network-check';
import type { LocalMedia } from '../lib/use-local-media';
import { VideoTile } from './video-tile';

/**
 * Before the visit: the camera preview, the microphone level, device choice, permission problems explained in plain
 * words, and a network check that reaches the hospital's signalling server and the ICE (STUN/TURN) servers.
 */
export function DeviceCheck({ media }: { media: LocalMedia }): ReactNode {
  const { t } = useTranslation('visits');
  const [network, setNetwork] = useState<NetworkCheckResult | 'running' | null>(null);

  const check = async (): Promise<void> => {
    setNetwork('running');
    setNetwork(await runNetworkCheck());
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="device-check-title">
      <Title order={2} size="h3" id="device-check-title">
        {t('device.title')}
      </Title>
      {media.problem && (
        <Alert color="red" role="alert" title={t('device.start')}>
          {t(`device.problems.${media.problem}`)}
        </Alert>
      )}
      {!media.stream && media.problem !== 'unsupported' && (
        <Button onClick={() => void media.start()} w="fit-content">
          {t('device.start')}
        </Button>
      )}
      {media.stream && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <VideoTile stream={media.stream} label={t('device.preview')} self />
          <Stack gap="sm">
            <Select
              label={t('device.camera')}
              data={media.devices.cameras.map((d, i) => ({ value: d.deviceId, label: d.label || `${t('device.camera')} ${i + 1}` }))}
              value={media.cameraId}
              onChange={(value) => value && void media.setCamera(value)}
              allowDeselect={false}
            />
            <Select
              label={t('device.microphone')}
              data={media.devices.microphones.map((d, i) => ({ value: d.deviceId, label: d.label || `${t('device.microphone')} ${i + 1}` }))}
              value={media.microphoneId}
              onChange={(value) => value && void media.setMicrophone(value)}
              allowDeselect={false}
            />
            <div>
              <Text size="sm" fw={500} aria-hidden="true">
                {t('device.level')}
              </Text>
              <Progress.Root transitionDuration={80}>
                <Progress.Section value={Math.round(media.level * 100)} aria-label={t('device.level')} />
              </Progress.Root>
              <Text size="xs" c="dimmed">
                {t('device.speak')}
              </Text>
            </div>
          </Stack>
        </SimpleGrid>
      )}
      <Group>
        <Button variant="default" onClick={() => void check()} loading={network === 'running'}>
          {t('device.network')}
        </Button>
      </Group>
      {network === 'running' && <Text role="status">{t('device.networkChecking')}</Text>}
      {network && network !== 'running' && (
        <div role="status">
          <List spacing={4}>
          <List.Item>{network.hubMs === null ? t('device.hubFailed') : t('device.hubOk', { ms: network.hubMs })}</List.Item>
          <List.Item>
            {network.candidateTypes.includes('relay')
              ? t('device.iceRelay')
              : network.candidateTypes.length > 0
                ? t('device.iceDirect')
                : t('device.iceNone')}
          </List.Item>
          </List>
        </div>
      )}
    </Stack>
  );
}
