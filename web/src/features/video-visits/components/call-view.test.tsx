import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from '@/app/provider';
import { i18n } from '@/lib/i18n';
import type { LocalMedia } from '../lib/use-local-media';
import type { RoomState, VisitRoom } from '../lib/visit-room';
import { CallView } from './call-view';

const media = {
  stream: null, problem: null, devices: {} as MediaDevices, cameraId: null, microphoneId: null, audioOn: true, videoOn: true, screenOn: false, level: 0,
  start: vi.fn(), setCamera: vi.fn(), setMicrophone: vi.fn(), toggleAudio: vi.fn(), toggleVideo: vi.fn(), startScreenShare: vi.fn(), stopScreenShare: vi.fn(),
} as unknown as LocalMedia;
const room = { announceMedia: vi.fn(async () => undefined), leaveCall: vi.fn(async () => undefined) } as unknown as VisitRoom;
const state: RoomState = {
  hub: 'connected', refused: null, role: 'Patient', status: 'InProgress', inCall: true, departed: [], sharedImage: null, guestAdmitted: false,
  peers: [{ peerId: 'doctor-peer', role: 'Doctor', name: '李伟', accountId: 'd', stream: null, state: 'connected', quality: 'good', media: { audio: true, video: true, screen: false }, framesDecoded: 10 }],
};

function onA(screenKind: 'phone' | 'desktop'): void {
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({ ...matchMedia(query), matches: screenKind === 'phone' && query.includes('max-width') }));
}

describe('the call on a phone', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['en', '李伟 · Doctor', 'You', 'Your picture. Drag it, or use the arrow keys, to move it to another corner.', 'Call controls', 'Mute microphone', 'Leave call'],
    ['zh-CN', '李伟 · 医生', '您', '您的画面。可拖动或用方向键移到其他角落。', '通话控制', '关闭麦克风', '离开通话'],
  ] as const)('in %s shows the doctor large, ourselves as a small movable picture, and the controls in a bottom bar', async (language, doctor, you, move, controls, mute, leave) => {
    await i18n.changeLanguage(language);
    await i18n.loadNamespaces('visits');
    onA('phone');
    render(
      <AppProvider env="test">
        <CallView room={room} state={state} media={media} canShareScreen={false} />
      </AppProvider>,
    );
    const remote = await screen.findByRole('group', { name: doctor });
    const pip = screen.getByRole('group', { name: move });
    // Our own camera is inside the small picture over the doctor's video, not a tile beside it.
    expect(within(pip).getByRole('group', { name: you })).toBeInTheDocument();
    expect(pip.parentElement).toContainElement(remote);
    expect(remote.style.aspectRatio).toBe('3 / 4');
    expect(pip).toHaveAttribute('data-corner', 'top-right');

    const user = userEvent.setup();
    pip.focus();
    await user.keyboard('{ArrowDown}{ArrowLeft}');
    expect(pip).toHaveAttribute('data-corner', 'bottom-left');

    const bar = screen.getByRole('toolbar', { name: controls });
    expect(bar.style.position).toBe('sticky');
    expect(within(bar).getByRole('button', { name: mute })).toBeInTheDocument();
    await user.click(within(bar).getByRole('button', { name: leave }));
    expect(room.leaveCall).toHaveBeenCalled();
  });

  it('keeps the side-by-side grid on a wide screen', async () => {
    await i18n.changeLanguage('en');
    onA('desktop');
    render(
      <AppProvider env="test">
        <CallView room={room} state={state} media={media} canShareScreen={false} />
      </AppProvider>,
    );
    expect(await screen.findByRole('group', { name: 'You' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: /Drag it/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Leave call' })).toHaveTextContent('Leave call');
  });
});
