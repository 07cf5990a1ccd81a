import { useEffect, useRef, useState } from 'react';
import { sendPosition } from '../api/emergency';
import type { Eta } from '../api/schemas';

/** How often the crew's position is sent while a case is open (the hospital's ETA follows it). */
export const POSITION_INTERVAL_MS = 15_000;

/**
 * Follows the phone's position (navigator.geolocation.watchPosition) and sends the latest one every 15 s while `active`.
 * Positions are not queued: without signal they are skipped, and the next one after the signal returns is the one that
 * matters. Answers the ETA the server computed from the last position sent.
 */
export function useCrewPosition(caseId: string, active: boolean): { eta: Eta | null; located: boolean; denied: boolean } {
  const [eta, setEta] = useState<Eta | null>(null);
  const [located, setLocated] = useState(false);
  const [denied, setDenied] = useState(false);
  const latest = useRef<GeolocationPosition | null>(null);
  const sentAt = useRef(0);

  useEffect(() => {
    if (!active || typeof navigator === 'undefined' || !navigator.geolocation) return;
    let cancelled = false;
    const send = () => {
      const position = latest.current;
      if (!position || !navigator.onLine) return;
      const now = Date.now();
      // Note: a fix younger than a minute still says where the ambulance is now (a parked one gets no new fixes, and
      // the server ignores a time it has already had); an older one is not sent as current.
      if (now - (position.timestamp || now) > 60_000) return;
      sentAt.current = now;
      sendPosition(caseId, {
        latitude: position.coords.latitude,
        longitude: position.coords.longitude,
        recordedAt: new Date(now).toISOString(),
      })
        .then((answer) => !cancelled && setEta(answer))
        .catch(() => undefined);
    };
    const watch = navigator.geolocation.watchPosition(
      (position) => {
        latest.current = position;
        setLocated(true);
        setDenied(false);
        // Note: the first fix goes at once; later ones wait for the 15 s tick.
        if (sentAt.current === 0) send();
      },
      (error) => setDenied(error.code === error.PERMISSION_DENIED),
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 30_000 },
    );
    const timer = setInterval(send, POSITION_INTERVAL_MS);
    return () => {
      cancelled = true;
      navigator.geolocation.clearWatch(watch);
      clearInterval(timer);
      sentAt.current = 0;
    };
  }, [caseId, active]);

  return { eta, located, denied };
}
