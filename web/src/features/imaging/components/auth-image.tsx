import { Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '@/lib/api-client';

/**
 * An image the API serves only with the bearer token (a rendered frame): an <img src> cannot carry the token, so the
 * bytes come through the API client and are shown from an object URL, released when the image goes away.
 */
export function AuthImage({ path, alt, style, height }: { path: string; alt: string; style?: CSSProperties; height: number | string }): ReactNode {
  const { t } = useTranslation('imaging');
  const image = useQuery({ queryKey: ['imaging', 'rendered', path], queryFn: async () => (await apiFetch(path)).blob(), staleTime: Infinity, retry: 1 });
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    if (!image.data) return;
    const objectUrl = URL.createObjectURL(image.data);
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [image.data]);

  if (image.isError) {
    return (
      <Text size="xs" c="dimmed" style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        {t('viewer.failed')}
      </Text>
    );
  }
  if (!url) return <Skeleton height={height} aria-label={t('viewer.loading')} />;
  return <img src={url} alt={alt} style={{ height, objectFit: 'contain', background: '#000', display: 'block', ...style }} />;
}
