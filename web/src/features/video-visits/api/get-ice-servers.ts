import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const iceConfigurationSchema = z.object({
  iceServers: z.array(z.object({ urls: z.array(z.string()), username: z.string().nullish(), credential: z.string().nullish() })),
  expiresAt: z.string().nullish(),
});

/** STUN/TURN servers with short-lived TURN credentials of your own, as RTCPeerConnection takes them. */
export async function getIceServers(): Promise<RTCIceServer[]> {
  const configuration = await apiJson('/api/video-visits/ice-servers', iceConfigurationSchema);
  return configuration.iceServers.map((server) => ({
    urls: server.urls,
    ...(server.username ? { username: server.username } : {}),
    ...(server.credential ? { credential: server.credential } : {}),
  }));
}
