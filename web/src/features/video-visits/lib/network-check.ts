import { getIceServers } from '../api/get-ice-servers';
import { visitHubTransport } from './visit-hub';

export interface NetworkCheckResult {
  /** Round trip through the signalling hub, in ms; null if it could not be reached. */
  hubMs: number | null;
  /** Candidate types gathered with the configured ICE servers: host (direct), srflx (STUN worked), relay (TURN worked). */
  candidateTypes: string[];
  /** Whether any ICE server is configured (without, only direct connections on one network are possible). */
  iceServersConfigured: boolean;
  turnConfigured: boolean;
}

/** Reaches the signalling hub and gathers ICE candidates with the configured STUN/TURN servers (at most ~5 s). */
export async function runNetworkCheck(timeoutMs = 5_000): Promise<NetworkCheckResult> {
  const [hubMs, ice] = await Promise.all([pingHub(), gatherCandidates(timeoutMs)]);
  return { hubMs, ...ice };
}

async function pingHub(): Promise<number | null> {
  const hub = await visitHubTransport.create();
  try {
    await hub.start();
    const started = performance.now();
    await hub.invoke('Ping');
    return Math.round(performance.now() - started);
  } catch {
    return null;
  } finally {
    await hub.stop().catch(() => undefined);
  }
}

async function gatherCandidates(timeoutMs: number): Promise<Omit<NetworkCheckResult, 'hubMs'>> {
  const iceServers = await getIceServers().catch(() => []);
  const urls = iceServers.flatMap((s) => (Array.isArray(s.urls) ? s.urls : [s.urls]));
  const pc = new RTCPeerConnection({ iceServers });
  const types = new Set<string>();
  try {
    pc.createDataChannel('network-check');
    const done = new Promise<void>((resolve) => {
      pc.onicecandidate = ({ candidate }) => {
        if (!candidate) resolve();
        else if (candidate.type) types.add(candidate.type);
      };
      setTimeout(resolve, timeoutMs);
    });
    await pc.setLocalDescription(await pc.createOffer());
    await done;
  } finally {
    pc.close();
  }
  return {
    candidateTypes: [...types],
    iceServersConfigured: urls.length > 0,
    turnConfigured: urls.some((u) => u.startsWith('turn')),
  };
}
