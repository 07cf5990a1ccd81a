import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { allRoles, broadcastViewerRoles, emergencyTeamRoles, scannerRoles, staffRoles, type Role } from '@/features/accounts/lib/roles';
import { loadAllNamespaces } from '@/lib/i18n';
import { RequireRole } from './require-role';
import { RootLayout } from './root-layout';
import { RouteError } from './route-error';
import { RouterFallback } from './router-fallback';

type PageModule = { default: ComponentType };

/** Each page is its own chunk: route modules default-export their page component. */
function page(load: () => Promise<PageModule>): () => Promise<{ Component: ComponentType }> {
  return async () => {
    // Note: the page's texts may be in namespaces the first download left out (config/locales.ts); both come together.
    const [module] = await Promise.all([load(), loadAllNamespaces()]);
    return { Component: module.default };
  };
}

/** A page of the first visit (landing, sign-in, registration): its texts are in the initial namespaces. */
function publicPage(load: () => Promise<PageModule>): () => Promise<{ Component: ComponentType }> {
  return async () => ({ Component: (await load()).default });
}

/** Pages only the given roles may open; signed-out users are sent to sign in, others see "not allowed". */
function guarded(roles: readonly Role[], children: RouteObject[]): RouteObject {
  return { element: <RequireRole roles={roles} />, children };
}

/**
 * The route table. A new page: add a file under routes/, a line here (inside `guarded` for role pages)
 * and, if it belongs in the menu, an item in nav.ts.
 */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    HydrateFallback: RouterFallback,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, lazy: publicPage(() => import('./routes/landing')) },
          { path: 'login', lazy: publicPage(() => import('./routes/login')) },
          { path: 'register', lazy: publicPage(() => import('./routes/register')) },
          { path: 'auth/callback', lazy: publicPage(() => import('./routes/auth-callback')) },
          // A visit guest's link: no account, so no role guard (the link's credential opens one visit's call and chat).
          { path: 'guest/:token', lazy: page(() => import('./routes/guest')) },

          guarded(['Patient'], [
            { path: 'my-health', lazy: page(() => import('./routes/patient/my-health')) },
            { path: 'find-care', lazy: page(() => import('./routes/patient/find-care')) },
            { path: 'doctors/:doctorId', lazy: page(() => import('./routes/patient/doctor')) },
            { path: 'appointments', lazy: page(() => import('./routes/patient/appointments')) },
            { path: 'appointments/new', lazy: page(() => import('./routes/patient/book-appointment')) },
            { path: 'appointments/:appointmentId', lazy: page(() => import('./routes/patient/appointment')) },
            { path: 'family-doctor', lazy: page(() => import('./routes/patient/family-doctor')) },
            { path: 'health-readings', lazy: page(() => import('./routes/patient/health-readings')) },
            { path: 'messages', lazy: page(() => import('./routes/patient/messages')) },
            { path: 'messages/:threadId', lazy: page(() => import('./routes/patient/message-thread')) },
            { path: 'pay/wechat', lazy: page(() => import('./routes/patient/pay-wechat')) },
          ]),
          guarded(['Patient'], [
            { path: 'medications', lazy: page(() => import('./routes/patient/medications')) },
            { path: 'renewals/new', lazy: page(() => import('./routes/patient/renewal-new')) },
            { path: 'renewals/:renewalId', lazy: page(() => import('./routes/patient/renewal-detail')) },
          ]),
          guarded(['Patient'], [
            { path: 'results', lazy: page(() => import('./routes/patient/results')) },
            { path: 'results/trend/:code', lazy: page(() => import('./routes/patient/result-trend')) },
            { path: 'results/imaging/share', lazy: page(() => import('./routes/patient/imaging-share')) },
            { path: 'results/imaging/:studyUid', lazy: page(() => import('./routes/patient/imaging-study')) },
            { path: 'results/:reportId', lazy: page(() => import('./routes/patient/result')) },
          ]),
          guarded(['Doctor'], [
            { path: 'workspace', lazy: page(() => import('./routes/doctor/workspace')) },
            { path: 'calendar', lazy: page(() => import('./routes/doctor/calendar')) },
            { path: 'follow-up-reviews', lazy: page(() => import('./routes/doctor/follow-up-reviews')) },
            { path: 'panel', lazy: page(() => import('./routes/doctor/panel')) },
            { path: 'panel/patients/:patientId', lazy: page(() => import('./routes/doctor/patient-summary')) },
            { path: 'panel/patients/:patientId/book-follow-up', lazy: page(() => import('./routes/doctor/book-follow-up')) },
            { path: 'team-messages', lazy: page(() => import('./routes/doctor/team-messages')) },
            { path: 'team-messages/:threadId', lazy: page(() => import('./routes/doctor/team-thread')) },
          ]),
          guarded(['Doctor'], [
            { path: 'doctor/renewals', lazy: page(() => import('./routes/doctor/renewal-queue')) },
            { path: 'doctor/renewals/:renewalId', lazy: page(() => import('./routes/doctor/renewal-review')) },
          ]),
          guarded(['Doctor'], [{ path: 'doctor/results', lazy: page(() => import('./routes/doctor/results-to-release')) }]),
          guarded(['Patient'], [
            { path: 'referrals', lazy: page(() => import('./routes/patient/referrals')) },
            // Note: notifications link to one referral; the page lists them all, that one among them.
            { path: 'referrals/:referralId', lazy: page(() => import('./routes/patient/referrals')) },
          ]),
          guarded(['Doctor'], [
            { path: 'doctor/referrals', lazy: page(() => import('./routes/doctor/referrals')) },
            { path: 'doctor/referrals/:referralId', lazy: page(() => import('./routes/doctor/referrals')) },
          ]),
          guarded(['Patient'], [
            { path: 'consultations', lazy: page(() => import('./routes/patient/consultations')) },
            // Note: notifications and the payment's return link name one consultation; the page lists them all.
            { path: 'consultations/:consultationId', lazy: page(() => import('./routes/patient/consultations')) },
          ]),
          guarded(['Doctor'], [
            { path: 'doctor/consultations', lazy: page(() => import('./routes/doctor/consultations')) },
            { path: 'doctor/consultations/:consultationId', lazy: page(() => import('./routes/doctor/consultations')) },
          ]),
          guarded(['SystemAdmin'], [{ path: 'admin/referrals', lazy: page(() => import('./routes/admin/referrals')) }]),
          guarded(['Patient', 'Doctor'], [
            { path: 'video-visits', lazy: page(() => import('./routes/visits/video-visits')) },
            { path: 'visits/:visitId', lazy: page(() => import('./routes/visits/visit')) },
          ]),
          guarded(['Pharmacist'], [
            { path: 'review-queue', lazy: page(() => import('./routes/pharmacist/review-queue')) },
            { path: 'review-queue/:renewalId', lazy: page(() => import('./routes/pharmacist/prescription-review')) },
          ]),
          guarded(['SystemAdmin'], [
            { path: 'admin', lazy: page(() => import('./routes/admin/admin-home')) },
            { path: 'admin/departments', lazy: page(() => import('./routes/admin/departments')) },
            { path: 'admin/doctors', lazy: page(() => import('./routes/admin/doctors')) },
            { path: 'admin/doctors/:doctorId', lazy: page(() => import('./routes/admin/doctor')) },
            { path: 'admin/family-teams', lazy: page(() => import('./routes/admin/family-teams')) },
            { path: 'admin/family-packages', lazy: page(() => import('./routes/admin/family-packages')) },
            { path: 'admin/institutions', lazy: page(() => import('./routes/admin/institutions')) },
            { path: 'admin/staff-institutions', lazy: page(() => import('./routes/admin/staff-institutions')) },
            { path: 'admin/emergency', lazy: page(() => import('./routes/admin/emergency')) },
          ]),
          guarded(['SystemAdmin'], [
            { path: 'admin/his', lazy: page(() => import('./routes/admin/his/outbox')) },
            { path: 'admin/his/messages/:id', lazy: page(() => import('./routes/admin/his/outbox-message')) },
            { path: 'admin/his/identity', lazy: page(() => import('./routes/admin/his/identity-reviews')) },
            { path: 'admin/payments', lazy: page(() => import('./routes/admin/payments')) },
          ]),
          guarded(['SecurityAdmin'], [{ path: 'admin/accounts', lazy: page(() => import('./routes/admin/accounts')) }]),
          guarded(['AuditAdmin'], [{ path: 'admin/audit', lazy: page(() => import('./routes/admin/audit')) }]),
          guarded(['MedicalRecords'], [{ path: 'medical-records', lazy: page(() => import('./routes/staff/medical-records')) }]),
          guarded(['Patient'], [{ path: 'health-code', lazy: page(() => import('./routes/patient/health-code')) }]),
          guarded(scannerRoles, [{ path: 'scan', lazy: page(() => import('./routes/staff/scan')) }]),
          guarded(staffRoles, [{ path: 'security', lazy: page(() => import('./routes/security')) }]),
          guarded(['Patient'], [{ path: 'account', lazy: page(() => import('./routes/patient/account')) }]),
          guarded(['Patient'], [
            { path: 'family', lazy: page(() => import('./routes/patient/family-members')) },
            { path: 'family/invitations/:token', lazy: page(() => import('./routes/patient/family-invitation')) },
            { path: 'family/proxies', lazy: page(() => import('./routes/patient/who-acts-for-me')) },
          ]),
          guarded(['SystemAdmin'], [{ path: 'admin/patient-access', lazy: page(() => import('./routes/admin/patient-access')) }]),
          guarded(['Paramedic'], [
            { path: 'emergency/crew', lazy: page(() => import('./routes/emergency/crew')) },
            { path: 'emergency/crew/cases/:caseId', lazy: page(() => import('./routes/emergency/crew-case')) },
            { path: 'emergency/crew/cases/:caseId/call', lazy: page(() => import('./routes/emergency/crew-call')) },
          ]),
          guarded(['EmergencyStaff'], [
            { path: 'emergency/board', lazy: page(() => import('./routes/emergency/board')) },
            { path: 'emergency/board/cases/:caseId', lazy: page(() => import('./routes/emergency/board-case')) },
            { path: 'emergency/board/cases/:caseId/call', lazy: page(() => import('./routes/emergency/board-call')) },
            { path: 'emergency/quality', lazy: page(() => import('./routes/emergency/quality')) },
          ]),
          guarded(emergencyTeamRoles, [{ path: 'emergency/alerts', lazy: page(() => import('./routes/emergency/alerts')) }]),
          guarded(broadcastViewerRoles, [
            { path: 'broadcasts', lazy: page(() => import('./routes/staff/broadcasts')) },
            { path: 'broadcasts/:broadcastId', lazy: page(() => import('./routes/staff/broadcast-watch')) },
          ]),
          guarded(allRoles, [{ path: 'notifications', lazy: page(() => import('./routes/notifications')) }]),
          guarded(allRoles, [{ path: 'sessions', lazy: page(() => import('./routes/sessions')) }]),

          { path: '*', lazy: publicPage(() => import('./routes/not-found')) },
        ],
      },
    ],
  },
];

export function createAppRouter(): ReturnType<typeof createBrowserRouter> {
  return createBrowserRouter(routes);
}
