import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson, apiSend } from '@/lib/api-client';

/** The pathways that have a team to alert (the general pathway has none). */
export const teamPathways = ['Stroke', 'ChestPain', 'Trauma'] as const;
export type TeamPathway = (typeof teamPathways)[number];

const crewMemberSchema = z.object({ accountId: z.string(), fullName: z.string(), email: z.string() });

export const ambulanceServiceSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  isActive: z.boolean(),
  crew: z.array(crewMemberSchema),
  editable: z.boolean(),
});
export type AmbulanceService = z.infer<typeof ambulanceServiceSchema>;

const servicesOverviewSchema = z.object({ canManage: z.boolean(), services: z.array(ambulanceServiceSchema) });
export type AmbulanceServicesOverview = z.infer<typeof servicesOverviewSchema>;

const teamMemberSchema = z.object({ id: z.string(), pathway: z.enum(teamPathways), accountId: z.string(), fullName: z.string(), email: z.string() });
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const receivingHospitalSchema = z.object({
  facilityId: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  receives: z.boolean(),
  latitude: z.number().nullish(),
  longitude: z.number().nullish(),
  edPhone: z.string().nullish(),
  teamMembers: z.array(teamMemberSchema),
  editable: z.boolean(),
});
export type ReceivingHospital = z.infer<typeof receivingHospitalSchema>;

export const emergencyAdminKeys = { services: ['admin', 'emergency', 'services'] as const, hospitals: ['admin', 'emergency', 'hospitals'] as const };

/** The ambulance services with their crews; `canManage` when this administrator may change them (the consortium's). */
export function useAmbulanceServices(): UseQueryResult<AmbulanceServicesOverview> {
  return useQuery({ queryKey: emergencyAdminKeys.services, queryFn: () => apiJson('/api/admin/emergency/services', servicesOverviewSchema) });
}

/** The institutions: which receive ambulances (position, ED phone) and their pathway teams. */
export function useReceivingHospitals(): UseQueryResult<ReceivingHospital[]> {
  return useQuery({ queryKey: emergencyAdminKeys.hospitals, queryFn: () => apiJson('/api/admin/emergency/hospitals', z.array(receivingHospitalSchema)) });
}

export type ServiceChange =
  | { kind: 'create'; code: string; name: string; nameEn: string }
  | { kind: 'update'; id: string; name: string; nameEn: string; isActive: boolean }
  | { kind: 'addCrew'; id: string; accountId: string }
  | { kind: 'removeCrew'; id: string; accountId: string };

function sendServiceChange(change: ServiceChange): Promise<AmbulanceService> {
  switch (change.kind) {
    case 'create':
      return apiJson('/api/admin/emergency/services', ambulanceServiceSchema, { method: 'POST', body: { code: change.code, name: change.name, nameEn: change.nameEn } });
    case 'update':
      return apiJson(`/api/admin/emergency/services/${encodeURIComponent(change.id)}`, ambulanceServiceSchema, {
        method: 'PUT',
        body: { name: change.name, nameEn: change.nameEn, isActive: change.isActive },
      });
    case 'addCrew':
      return apiJson(`/api/admin/emergency/services/${encodeURIComponent(change.id)}/crew/${encodeURIComponent(change.accountId)}`, ambulanceServiceSchema, { method: 'PUT' });
    case 'removeCrew':
      return apiJson(`/api/admin/emergency/services/${encodeURIComponent(change.id)}/crew/${encodeURIComponent(change.accountId)}`, ambulanceServiceSchema, { method: 'DELETE' });
  }
}

/** Creates, renames, (de)activates a service or changes its crew; the list is read again afterwards. */
export function useChangeService(): UseMutationResult<AmbulanceService, Error, ServiceChange> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: sendServiceChange, onSuccess: () => void queryClient.invalidateQueries({ queryKey: emergencyAdminKeys.services }) });
}

export type HospitalChange =
  | { kind: 'set'; facilityId: string; latitude: number; longitude: number; edPhone: string }
  | { kind: 'addMember'; facilityId: string; pathway: TeamPathway; accountId: string }
  | { kind: 'removeMember'; facilityId: string; memberId: string };

async function sendHospitalChange(change: HospitalChange): Promise<void> {
  const base = `/api/admin/emergency/hospitals/${encodeURIComponent(change.facilityId)}`;
  switch (change.kind) {
    case 'set':
      await apiSend(base, { method: 'PUT', body: { latitude: change.latitude, longitude: change.longitude, edPhone: change.edPhone } });
      return;
    case 'addMember':
      await apiSend(`${base}/team-members`, { method: 'POST', body: { pathway: change.pathway, accountId: change.accountId } });
      return;
    case 'removeMember':
      await apiSend(`${base}/team-members/${encodeURIComponent(change.memberId)}`, { method: 'DELETE' });
  }
}

/** Sets a receiving hospital up or changes its pathway teams; the list is read again afterwards. */
export function useChangeHospital(): UseMutationResult<void, Error, HospitalChange> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: sendHospitalChange, onSuccess: () => void queryClient.invalidateQueries({ queryKey: emergencyAdminKeys.hospitals }) });
}
