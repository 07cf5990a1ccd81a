import { ActionIcon, Alert, Button, Group, Loader, SegmentedControl, Slider, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconRefresh, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '@/lib/api-client';
import type { ImagingSeries } from '../api/schemas';
import { dicomEngine, type DicomViewport } from '../lib/dicom-engine';
import { instancePath, type ImagingSide, type InstanceRef } from '../lib/paths';
import { formatWindow, presetsFor, type WindowLevel } from '../lib/window-presets';

/** The image on screen, for whoever composes the viewer (the doctor shares it into the call). */
export interface CurrentImage extends InstanceRef {
  frame: number;
  index: number;
}

export interface DicomViewProps {
  side: ImagingSide;
  patientId: string;
  studyInstanceUid: string;
  series: ImagingSeries;
  /** Rendered under the controls with the image on screen (e.g. "share into the call"). */
  actions?: (current: CurrentImage) => ReactNode;
}

/** How many fetched instances to keep: paging back and forth does not download them again. */
const CACHE_SIZE = 12;

/**
 * One series in the viewer: the real DICOM pixel data (window/level on the stored values), one image at a time, paged
 * with buttons, the slider or the arrow keys; drag to change the contrast or (in move mode) to pan and pinch to zoom.
 * Instances come through the API client (bearer token, refresh), never straight from the archive.
 */
export function DicomView({ side, patientId, studyInstanceUid, series, actions }: DicomViewProps): ReactNode {
  const { t } = useTranslation('imaging');
  const elementId = `dicom-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const element = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState<DicomViewport | null>(null);
  const [index, setIndex] = useState(0);
  const [state, setState] = useState<'loading' | 'shown' | 'failed'>('loading');
  const [attempt, setAttempt] = useState(0);
  const [mode, setMode] = useState<'window' | 'pan'>('window');
  const [window, setWindow] = useState<WindowLevel | null>(null);
  /** The window the user chose (preset or drag): kept while paging, as radiologists expect. */
  const chosenWindow = useRef<WindowLevel | null>(null);
  const cache = useRef(new Map<string, Promise<Blob>>());

  const instances = series.instances;
  const total = instances.length;
  const current = instances[Math.min(index, Math.max(total - 1, 0))];
  const presets = presetsFor(series.modality);

  useEffect(() => {
    let disposed = false;
    let created: DicomViewport | null = null;
    void dicomEngine.create(element.current!).then(
      (engine) => {
        if (disposed) {
          engine.dispose();
          return;
        }
        created = engine;
        engine.onWindowChange((next) => {
          chosenWindow.current = next;
          setWindow(next);
        });
        setViewport(engine);
      },
      () => !disposed && setState('failed'),
    );
    const onResize = (): void => created?.resize();
    globalThis.addEventListener('resize', onResize);
    return () => {
      disposed = true;
      globalThis.removeEventListener('resize', onResize);
      created?.dispose();
    };
  }, []);

  const fetchInstance = useCallback(
    (ref: InstanceRef): Promise<Blob> => {
      const path = instancePath(side, patientId, ref);
      let pending = cache.current.get(path);
      if (!pending) {
        pending = apiFetch(path).then((response) => response.blob());
        pending.catch(() => cache.current.delete(path));
        cache.current.set(path, pending);
        if (cache.current.size > CACHE_SIZE) cache.current.delete(cache.current.keys().next().value!);
      }
      return pending;
    },
    [side, patientId],
  );

  useEffect(() => {
    if (!viewport || !current) return;
    let stale = false;
    setState('loading');
    const ref = { studyInstanceUid, seriesInstanceUid: series.seriesInstanceUid, sopInstanceUid: current.sopInstanceUid };
    fetchInstance(ref)
      .then((blob) => (stale ? undefined : viewport.show(new File([blob], `${current.sopInstanceUid}.dcm`, { type: 'application/dicom' }), chosenWindow.current)))
      .then(
        () => {
          if (stale) return;
          setWindow(viewport.getWindow());
          setState('shown');
        },
        () => !stale && setState('failed'),
      );
    // Note: the next image is fetched while this one is looked at, so paging forward does not wait.
    const next = instances[index + 1];
    if (next) void fetchInstance({ ...ref, sopInstanceUid: next.sopInstanceUid }).catch(() => undefined);
    return () => {
      stale = true;
    };
  }, [viewport, current, index, instances, studyInstanceUid, series.seriesInstanceUid, fetchInstance, attempt]);

  const go = (to: number): void => setIndex(Math.max(0, Math.min(total - 1, to)));
  const applyWindow = (next: WindowLevel): void => {
    chosenWindow.current = next;
    viewport?.setWindow(next);
    setWindow(next);
  };
  const changeMode = (next: string): void => {
    const value = next === 'pan' ? 'pan' : 'window';
    setMode(value);
    viewport?.setMode(value);
  };
  const reset = (): void => {
    chosenWindow.current = null;
    viewport?.reset();
    setWindow(viewport?.getWindow() ?? null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, PageDown: 1, ArrowUp: -1, ArrowLeft: -1, PageUp: -1 };
    if (event.key in moves) {
      event.preventDefault();
      go(index + moves[event.key]!);
    } else if (event.key === '+' || event.key === '=') {
      viewport?.zoom(0.25);
    } else if (event.key === '-') {
      viewport?.zoom(-0.25);
    } else if (event.key === 'Home') {
      go(0);
    } else if (event.key === 'End') {
      go(total - 1);
    }
  };

  if (total === 0) return <Alert color="gray">{t('viewer.noImages')}</Alert>;
  const position = t('viewer.position', { index: index + 1, total });

  return (
    <Stack gap="xs">
      <div style={{ position: 'relative' }}>
        <div
          id={elementId}
          ref={element}
          tabIndex={0}
          // Note: to the keyboard and screen readers the image is a slider over the series (arrow keys page through it).
          role="slider"
          aria-valuemin={1}
          aria-valuemax={total}
          aria-valuenow={index + 1}
          aria-valuetext={position}
          aria-label={t('viewer.viewport', { modality: series.modality ?? '', index: index + 1, total })}
          aria-describedby={`${elementId}-help`}
          data-testid="dicom-viewport"
          data-sop-instance-uid={current?.sopInstanceUid}
          data-state={state}
          onKeyDown={onKeyDown}
          // Note: the image takes the gestures (drag, pinch) instead of the page scrolling under the finger.
          style={{ width: '100%', height: 'min(100vw, 62vh)', background: '#000', touchAction: 'none', borderRadius: 8, overflow: 'hidden' }}
        />
        {state === 'loading' && (
          <Loader color="gray" size="sm" role="status" aria-label={t('viewer.loading')} style={{ position: 'absolute', top: 8, right: 8 }} />
        )}
        <Text size="xs" c="gray.3" style={{ position: 'absolute', left: 8, bottom: 6, pointerEvents: 'none' }} aria-hidden="true">
          {position} {window ? `· ${formatWindow(window)}` : ''}
        </Text>
      </div>
      <Text id={`${elementId}-help`} size="xs" c="dimmed">
        {t('viewer.gestures')}
      </Text>
      {state === 'failed' && (
        <Alert color="red" role="alert">
          <Group gap="xs" justify="space-between">
            <span>{t('viewer.failed')}</span>
            <Button size="xs" variant="white" onClick={() => setAttempt((n) => n + 1)}>
              {t('viewer.retry')}
            </Button>
          </Group>
        </Alert>
      )}
      <Group gap="xs" wrap="nowrap">
        <ActionIcon size="xl" variant="default" aria-label={t('viewer.previous')} onClick={() => go(index - 1)} disabled={index === 0}>
          <IconChevronLeft aria-hidden="true" />
        </ActionIcon>
        <Slider
          style={{ flex: 1 }}
          min={1}
          max={Math.max(total, 1)}
          step={1}
          value={index + 1}
          onChange={(value) => go(value - 1)}
          label={null}
          disabled={total < 2}
          thumbLabel={t('viewer.image')}
        />
        <ActionIcon size="xl" variant="default" aria-label={t('viewer.next')} onClick={() => go(index + 1)} disabled={index >= total - 1}>
          <IconChevronRight aria-hidden="true" />
        </ActionIcon>
      </Group>
      <Text size="sm" ta="center" role="status" aria-live="polite">
        {position}
      </Text>
      <Group gap="xs" justify="space-between">
        <SegmentedControl
          aria-label={t('viewer.mode')}
          value={mode}
          onChange={changeMode}
          data={[
            { value: 'window', label: t('viewer.modeWindow') },
            { value: 'pan', label: t('viewer.modePan') },
          ]}
        />
        <Group gap={4}>
          <ActionIcon size="lg" variant="default" aria-label={t('viewer.zoomOut')} onClick={() => viewport?.zoom(-0.25)}>
            <IconZoomOut aria-hidden="true" size={18} />
          </ActionIcon>
          <ActionIcon size="lg" variant="default" aria-label={t('viewer.zoomIn')} onClick={() => viewport?.zoom(0.25)}>
            <IconZoomIn aria-hidden="true" size={18} />
          </ActionIcon>
          <Button size="compact-md" variant="default" leftSection={<IconRefresh aria-hidden="true" size={16} />} onClick={reset}>
            {t('viewer.reset')}
          </Button>
        </Group>
      </Group>
      {presets.length > 0 && (
        <Group gap="xs" role="group" aria-label={t('viewer.presets')}>
          {presets.map((preset) => {
            const active = window?.center === preset.center && window.width === preset.width;
            return (
              <Button key={preset.id} size="compact-sm" variant={active ? 'filled' : 'light'} aria-pressed={active} onClick={() => applyWindow(preset)}>
                {t(`viewer.presetNames.${preset.id}`)}
              </Button>
            );
          })}
        </Group>
      )}
      {window && (
        <Text size="xs" c="dimmed">
          {t('viewer.window', { value: formatWindow(window) })}
        </Text>
      )}
      {actions && current && state === 'shown' && actions({ studyInstanceUid, seriesInstanceUid: series.seriesInstanceUid, sopInstanceUid: current.sopInstanceUid, frame: 1, index })}
    </Stack>
  );
}
