import { Box } from '@mantine/core';
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Corner = 'top-right' | 'top-left' | 'bottom-right' | 'bottom-left';

/**
 * Our own camera as a small picture over the others' video (phones): it starts in the top-right corner and can be
 * dragged, or moved with the arrow keys, to any corner, so it never hides the face one is talking to.
 */
export function SelfViewPip({ children }: { children: ReactNode }): ReactNode {
  const { t } = useTranslation('visits');
  const [corner, setCorner] = useState<Corner>('top-right');
  const [drag, setDrag] = useState<{ x: number; y: number } | null>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);

  const [vertical, horizontal] = corner.split('-') as ['top' | 'bottom', 'left' | 'right'];
  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    start.current = { x: event.clientX, y: event.clientY };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    if (start.current) setDrag({ x: event.clientX - start.current.x, y: event.clientY - start.current.y });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>): void => {
    start.current = null;
    setDrag(null);
    // Note: it lands in the corner nearest to where it was let go (the area it floats over is its parent).
    const area = box.current?.parentElement?.getBoundingClientRect();
    if (!area) return;
    const top = event.clientY < area.top + area.height / 2;
    const left = event.clientX < area.left + area.width / 2;
    setCorner(`${top ? 'top' : 'bottom'}-${left ? 'left' : 'right'}`);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const next: Record<string, Corner> = {
      ArrowUp: `top-${horizontal}`,
      ArrowDown: `bottom-${horizontal}`,
      ArrowLeft: `${vertical}-left`,
      ArrowRight: `${vertical}-right`,
    };
    const target = next[event.key];
    if (target) {
      event.preventDefault();
      setCorner(target);
    }
  };

  return (
    <Box
      ref={box}
      tabIndex={0}
      role="group"
      aria-label={t('call.selfViewMove')}
      data-corner={corner}
      pos="absolute"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        start.current = null;
        setDrag(null);
      }}
      onKeyDown={onKeyDown}
      style={{
        width: '30%',
        maxWidth: 140,
        zIndex: 2,
        touchAction: 'none',
        cursor: 'grab',
        borderRadius: 'var(--mantine-radius-md)',
        boxShadow: 'var(--mantine-shadow-md)',
        [vertical]: 8,
        [horizontal]: 8,
        transform: drag ? `translate(${drag.x}px, ${drag.y}px)` : undefined,
      }}
    >
      {children}
    </Box>
  );
}
