import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { DEFAULT_HOSPITAL_TIME_ZONE, setHospitalTimeZone } from '@/config/hospital';
import { DEFAULT_IDLE_TIMEOUT_MS } from '@/config/session';
import { apiJson } from './api-client';

/** What the server says about itself (GET /api/config, anonymous): the SPA keeps no copies of these settings. */
export const serverSettingsSchema = z.object({
  timeZone: z.string(),
  idleTimeoutMinutes: z.number().int().positive(),
  passwordMinLength: z.number().int().positive(),
  maxUploadBytes: z.number().int().positive(),
});
export type ServerSettings = z.infer<typeof serverSettingsSchema>;

/** Used until the server has answered (and if it cannot): the server's own defaults. */
export const defaultServerSettings: ServerSettings = {
  timeZone: DEFAULT_HOSPITAL_TIME_ZONE,
  idleTimeoutMinutes: DEFAULT_IDLE_TIMEOUT_MS / 60_000,
  passwordMinLength: 8,
  maxUploadBytes: 10 * 1024 * 1024,
};

/** An upload limit as people read it: whole megabytes (texts say "up to {{size}} MB"). */
export function megabytes(bytes: number): number {
  return Math.floor(bytes / (1024 * 1024));
}

export const serverSettingsQueryKey = ['server-settings'] as const;

export async function getServerSettings(): Promise<ServerSettings> {
  const settings = await apiJson('/api/config', serverSettingsSchema, { auth: false });
  // Note: formatting helpers outside React (lib/date-time) read the zone from config/hospital.
  setHospitalTimeZone(settings.timeZone);
  return settings;
}

/** The server's settings, read once per page load; the defaults while they are on their way. */
export function useServerSettings(): ServerSettings {
  const query = useQuery({ queryKey: serverSettingsQueryKey, queryFn: getServerSettings, staleTime: Infinity, gcTime: Infinity, retry: 1 });
  return query.data ?? defaultServerSettings;
}

/** The hospital's time zone, for components (re-renders when the server's answer arrives). */
export function useHospitalTimeZone(): string {
  return useServerSettings().timeZone;
}
