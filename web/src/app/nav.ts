import {
  IconAlertTriangle,
  IconAmbulance,
  IconChartBar,
  IconLayoutBoard,
  IconArrowsExchange,
  IconActivityHeartbeat,
  IconBell,
  IconBroadcast,
  IconBuildingCommunity,
  IconBuildingHospital,
  IconCalendar,
  IconCalendarEvent,
  IconClipboardCheck,
  IconClipboardHeart,
  IconDevices,
  IconFileSearch,
  IconFriends,
  IconId,
  IconFlask,
  IconHeartbeat,
  IconLockAccess,
  IconMessages,
  IconPackage,
  IconUserHeart,
  IconPill,
  IconReceipt,
  IconPrescription,
  IconQrcode,
  IconScan,
  IconSearch,
  IconSettings,
  IconShieldLock,
  IconStethoscope,
  IconUserCheck,
  IconUserCircle,
  IconUserShare,
  IconUserShield,
  IconUsers,
  IconUsersGroup,
  IconVideo,
  type Icon,
} from '@tabler/icons-react';
import { allRoles, broadcastViewerRoles, emergencyTeamRoles, primaryRole, scannerRoles, staffRoles, type Role } from '@/features/accounts/lib/roles';

export interface NavItem {
  to: string;
  /** i18n key; "namespace:key" for a feature's own namespace, else from common. */
  labelKey: string;
  icon: Icon;
  /** Roles that see this item (and may open the page: keep in step with the guard in router.tsx). */
  roles: readonly Role[];
}

/**
 * The navigation, in display order. A new page: add its route in router.tsx and an item here.
 */
export const navItems: readonly NavItem[] = [
  { to: '/my-health', labelKey: 'nav.myHealth', icon: IconHeartbeat, roles: ['Patient'] },
  { to: '/health-code', labelKey: 'healthCode:nav', icon: IconQrcode, roles: ['Patient'] },
  { to: '/find-care', labelKey: 'appointments:nav.findCare', icon: IconSearch, roles: ['Patient'] },
  { to: '/appointments', labelKey: 'appointments:nav.myAppointments', icon: IconCalendar, roles: ['Patient'] },
  { to: '/medications', labelKey: 'renewals:nav.medications', icon: IconPrescription, roles: ['Patient'] },
  { to: '/results', labelKey: 'results:nav', icon: IconFlask, roles: ['Patient'] },
  { to: '/referrals', labelKey: 'referrals:nav.mine', icon: IconArrowsExchange, roles: ['Patient'] },
  { to: '/consultations', labelKey: 'consultations:nav.mine', icon: IconStethoscope, roles: ['Patient'] },
  { to: '/family-doctor', labelKey: 'family:nav.familyDoctor', icon: IconUserHeart, roles: ['Patient'] },
  { to: '/health-readings', labelKey: 'family:nav.readings', icon: IconActivityHeartbeat, roles: ['Patient'] },
  { to: '/messages', labelKey: 'family:nav.messages', icon: IconMessages, roles: ['Patient'] },
  { to: '/workspace', labelKey: 'nav.workspace', icon: IconStethoscope, roles: ['Doctor'] },
  { to: '/video-visits', labelKey: 'visits:nav', icon: IconVideo, roles: ['Patient', 'Doctor'] },
  { to: '/broadcasts', labelKey: 'visits:broadcast.nav', icon: IconBroadcast, roles: broadcastViewerRoles },
  { to: '/calendar', labelKey: 'schedule:nav.calendar', icon: IconCalendarEvent, roles: ['Doctor'] },
  { to: '/follow-up-reviews', labelKey: 'schedule:nav.reviews', icon: IconClipboardCheck, roles: ['Doctor'] },
  { to: '/doctor/renewals', labelKey: 'renewals:nav.doctorQueue', icon: IconClipboardHeart, roles: ['Doctor'] },
  { to: '/doctor/results', labelKey: 'results:navDoctor', icon: IconFlask, roles: ['Doctor'] },
  { to: '/doctor/referrals', labelKey: 'referrals:nav.doctor', icon: IconArrowsExchange, roles: ['Doctor'] },
  { to: '/doctor/consultations', labelKey: 'consultations:nav.doctor', icon: IconStethoscope, roles: ['Doctor'] },
  { to: '/panel', labelKey: 'family:nav.panel', icon: IconUsers, roles: ['Doctor'] },
  { to: '/team-messages', labelKey: 'family:nav.teamMessages', icon: IconMessages, roles: ['Doctor'] },
  { to: '/review-queue', labelKey: 'nav.reviewQueue', icon: IconPill, roles: ['Pharmacist'] },
  { to: '/scan', labelKey: 'healthCode:scan.nav', icon: IconScan, roles: scannerRoles },
  { to: '/emergency/crew', labelKey: 'emergency:nav.crew', icon: IconAmbulance, roles: ['Paramedic'] },
  { to: '/emergency/board', labelKey: 'emergency:nav.board', icon: IconLayoutBoard, roles: ['EmergencyStaff'] },
  { to: '/emergency/alerts', labelKey: 'emergency:nav.alerts', icon: IconAlertTriangle, roles: emergencyTeamRoles },
  { to: '/emergency/quality', labelKey: 'emergency:nav.quality', icon: IconChartBar, roles: ['EmergencyStaff'] },
  { to: '/admin', labelKey: 'nav.admin', icon: IconSettings, roles: ['SystemAdmin'] },
  { to: '/admin/institutions', labelKey: 'institutions:nav.institutions', icon: IconBuildingCommunity, roles: ['SystemAdmin'] },
  { to: '/admin/staff-institutions', labelKey: 'institutions:nav.staff', icon: IconId, roles: ['SystemAdmin'] },
  { to: '/admin/emergency', labelKey: 'emergencyAdmin:nav', icon: IconAmbulance, roles: ['SystemAdmin'] },
  { to: '/admin/departments', labelKey: 'hospitalAdmin:nav.departments', icon: IconBuildingHospital, roles: ['SystemAdmin'] },
  { to: '/admin/doctors', labelKey: 'hospitalAdmin:nav.doctors', icon: IconUsers, roles: ['SystemAdmin'] },
  { to: '/admin/family-teams', labelKey: 'hospitalAdmin:nav.familyTeams', icon: IconUsersGroup, roles: ['SystemAdmin'] },
  { to: '/admin/family-packages', labelKey: 'hospitalAdmin:nav.familyPackages', icon: IconPackage, roles: ['SystemAdmin'] },
  { to: '/admin/patient-access', labelKey: 'familyMembers:nav.admin', icon: IconLockAccess, roles: ['SystemAdmin'] },
  { to: '/admin/referrals', labelKey: 'referrals:nav.admin', icon: IconArrowsExchange, roles: ['SystemAdmin'] },
  { to: '/admin/his', labelKey: 'his:nav.outbox', icon: IconArrowsExchange, roles: ['SystemAdmin'] },
  { to: '/admin/his/identity', labelKey: 'his:nav.identity', icon: IconUserCheck, roles: ['SystemAdmin'] },
  { to: '/admin/payments', labelKey: 'hospitalAdmin:nav.payments', icon: IconReceipt, roles: ['SystemAdmin'] },
  { to: '/admin/accounts', labelKey: 'administration:nav.accounts', icon: IconUserShield, roles: ['SecurityAdmin'] },
  { to: '/admin/audit', labelKey: 'administration:nav.audit', icon: IconFileSearch, roles: ['AuditAdmin'] },
  { to: '/medical-records', labelKey: 'visits:records.nav', icon: IconVideo, roles: ['MedicalRecords'] },
  { to: '/notifications', labelKey: 'notifications:nav', icon: IconBell, roles: allRoles },
  { to: '/security', labelKey: 'nav.security', icon: IconShieldLock, roles: staffRoles },
  { to: '/sessions', labelKey: 'nav.sessions', icon: IconDevices, roles: allRoles },
  { to: '/family', labelKey: 'familyMembers:nav.members', icon: IconFriends, roles: ['Patient'] },
  { to: '/family/proxies', labelKey: 'familyMembers:nav.proxies', icon: IconUserShare, roles: ['Patient'] },
  { to: '/account', labelKey: 'nav.account', icon: IconUserCircle, roles: ['Patient'] },
];

/** Where each role lands after sign-in. */
export const roleHomes: Readonly<Record<Role, string>> = {
  Patient: '/my-health',
  Doctor: '/workspace',
  Pharmacist: '/review-queue',
  Registrar: '/scan',
  Nurse: '/scan',
  SystemAdmin: '/admin',
  SecurityAdmin: '/admin/accounts',
  AuditAdmin: '/admin/audit',
  Paramedic: '/emergency/crew',
  EmergencyStaff: '/emergency/board',
  MedicalRecords: '/medical-records',
};

export function navItemsFor(roles: readonly string[]): NavItem[] {
  return navItems.filter((item) => item.roles.some((role) => roles.includes(role)));
}

/** The home of the user's highest-priority role (administrators > Pharmacist > Doctor > Patient), or null. */
export function homePathFor(roles: readonly string[]): string | null {
  const role = primaryRole(roles);
  return role ? roleHomes[role] : null;
}
