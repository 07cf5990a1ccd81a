import { useCallback, useEffect, useRef, useState } from 'react';
import { mediaProblem, mediaSupported, type MediaProblem } from './media-errors';

export interface MediaDevices {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
}

export interface LocalMedia {
  stream: MediaStream | null;
  problem: MediaProblem | null;
  devices: MediaDevices;
  cameraId: string | null;
  microphoneId: string | null;
  audioOn: boolean;
  videoOn: boolean;
  screenOn: boolean;
  /** Microphone input level, 0..1 (for the meter). */
  level: number;
  start: () => Promise<void>;
  setCamera: (deviceId: string) => Promise<void>;
  setMicrophone: (deviceId: string) => Promise<void>;
  toggleAudio: () => void;
  toggleVideo: () => void;
  startScreenShare: () => Promise<void>;
  stopScreenShare: () => Promise<void>;
}

/**
 * The camera and microphone of this browser: asks for them, lists the devices, measures the microphone level, switches
 * devices and shares the screen. `onTrack` is told whenever the track sent to others changes (device switch, screen
 * share), so the call swaps it on every connection.
 */
export function useLocalMedia(onTrack?: (track: MediaStreamTrack) => void): LocalMedia {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<MediaProblem | null>(mediaSupported() ? null : 'unsupported');
  const [devices, setDevices] = useState<MediaDevices>({ cameras: [], microphones: [] });
  const [cameraId, setCameraId] = useState<string | null>(null);
  const [microphoneId, setMicrophoneId] = useState<string | null>(null);
  const [audioOn, setAudioOn] = useState(true);
  const [videoOn, setVideoOn] = useState(true);
  const [screenOn, setScreenOn] = useState(false);
  const [level, setLevel] = useState(0);
  const streamRef = useRef<MediaStream | null>(null);
  const cameraTrackRef = useRef<MediaStreamTrack | null>(null);
  const onTrackRef = useRef(onTrack);
  onTrackRef.current = onTrack;

  const listDevices = useCallback(async (): Promise<void> => {
    const all = await navigator.mediaDevices.enumerateDevices();
    setDevices({ cameras: all.filter((d) => d.kind === 'videoinput'), microphones: all.filter((d) => d.kind === 'audioinput') });
  }, []);

  const start = useCallback(async (): Promise<void> => {
    if (!mediaSupported()) {
      setProblem('unsupported');
      return;
    }
    try {
      const media = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: { ideal: 640 }, height: { ideal: 480 } } });
      streamRef.current = media;
      cameraTrackRef.current = media.getVideoTracks()[0] ?? null;
      setStream(media);
      setProblem(null);
      setCameraId(media.getVideoTracks()[0]?.getSettings().deviceId ?? null);
      setMicrophoneId(media.getAudioTracks()[0]?.getSettings().deviceId ?? null);
      await listDevices();
    } catch (error) {
      setProblem(mediaProblem(error));
    }
  }, [listDevices]);

  const swap = useCallback(async (kind: 'audio' | 'video', deviceId: string): Promise<void> => {
    const current = streamRef.current;
    if (!current) return;
    try {
      const fresh = await navigator.mediaDevices.getUserMedia(kind === 'video' ? { video: { deviceId: { exact: deviceId } } } : { audio: { deviceId: { exact: deviceId } } });
      const track = fresh.getTracks()[0]!;
      const old = kind === 'video' ? current.getVideoTracks()[0] : current.getAudioTracks()[0];
      track.enabled = kind === 'video' ? videoOn : audioOn;
      if (old) {
        current.removeTrack(old);
        old.stop();
      }
      current.addTrack(track);
      if (kind === 'video') {
        cameraTrackRef.current = track;
        setCameraId(deviceId);
      } else {
        setMicrophoneId(deviceId);
      }
      setStream(new MediaStream(current.getTracks()));
      streamRef.current = current;
      if (kind === 'audio' || !screenOn) onTrackRef.current?.(track);
    } catch (error) {
      setProblem(mediaProblem(error));
    }
  }, [audioOn, videoOn, screenOn]);

  const toggleAudio = useCallback((): void => {
    const next = !audioOn;
    streamRef.current?.getAudioTracks().forEach((t) => (t.enabled = next));
    setAudioOn(next);
  }, [audioOn]);

  const toggleVideo = useCallback((): void => {
    const next = !videoOn;
    if (cameraTrackRef.current) cameraTrackRef.current.enabled = next;
    setVideoOn(next);
  }, [videoOn]);

  // Note: nothing to wait for, but callers treat starting and stopping alike (both return a promise).
  const stopScreenShare = useCallback((): Promise<void> => {
    const current = streamRef.current;
    const screen = current?.getVideoTracks().find((t) => t !== cameraTrackRef.current);
    if (current && screen) {
      current.removeTrack(screen);
      screen.stop();
      if (cameraTrackRef.current) {
        current.addTrack(cameraTrackRef.current);
        onTrackRef.current?.(cameraTrackRef.current);
      }
      setStream(new MediaStream(current.getTracks()));
    }
    setScreenOn(false);
    return Promise.resolve();
  }, []);

  const startScreenShare = useCallback(async (): Promise<void> => {
    const current = streamRef.current;
    if (!current || !navigator.mediaDevices.getDisplayMedia) return;
    try {
      const display = await navigator.mediaDevices.getDisplayMedia({ video: true });
      const screen = display.getVideoTracks()[0]!;
      if (cameraTrackRef.current) current.removeTrack(cameraTrackRef.current);
      current.addTrack(screen);
      screen.addEventListener('ended', () => void stopScreenShare());
      onTrackRef.current?.(screen);
      setStream(new MediaStream(current.getTracks()));
      setScreenOn(true);
    } catch {
      // Note: the doctor cancelled the screen picker; nothing changes.
    }
  }, [stopScreenShare]);

  // The microphone level meter (Web Audio), about ten updates a second.
  useEffect(() => {
    const track = stream?.getAudioTracks()[0];
    if (!track || typeof AudioContext === 'undefined') return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      setLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
    }, 100);
    return () => {
      clearInterval(timer);
      void context.close();
    };
  }, [stream]);

  // Stop the camera and microphone when the page goes away.
  useEffect(
    () => () => {
      streamRef.current?.getTracks().forEach((t) => t.stop());
      cameraTrackRef.current?.stop();
    },
    [],
  );

  return {
    stream,
    problem,
    devices,
    cameraId,
    microphoneId,
    audioOn,
    videoOn,
    screenOn,
    level,
    start,
    setCamera: (id) => swap('video', id),
    setMicrophone: (id) => swap('audio', id),
    toggleAudio,
    toggleVideo,
    startScreenShare,
    stopScreenShare,
  };
}
