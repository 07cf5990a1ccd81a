import { Alert, Button, Stack } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The phone camera as a scanner. The decoder (@zxing/browser) is loaded only when a desk opens the camera, so the app's
 * other pages never download it; a handheld scanner typing into the field needs none of it.
 */
export function CameraScanner({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }): ReactNode {
  const { t } = useTranslation('healthCode');
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import('@zxing/browser')
      .then(async ({ BrowserQRCodeReader }) => {
        if (cancelled || !video.current) return;
        const reader = new BrowserQRCodeReader();
        const controls = await reader.decodeFromVideoDevice(undefined, video.current, (result, _error, ctl) => {
          if (result) {
            ctl.stop();
            onCode(result.getText());
          }
        });
        if (cancelled) controls.stop();
        else stop = () => controls.stop();
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [onCode]);

  return (
    <Stack gap="xs">
      {failed ? (
        <Alert color="orange" role="alert">
          {t('scan.cameraFailed')}
        </Alert>
      ) : (
        <video ref={video} style={{ width: '100%', maxHeight: 320, background: 'black' }} muted playsInline aria-label={t('scan.camera')} />
      )}
      <Button variant="subtle" onClick={onClose}>
        {t('scan.closeCamera')}
      </Button>
    </Stack>
  );
}
