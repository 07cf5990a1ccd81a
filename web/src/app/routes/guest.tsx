import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { GuestVisit } from '@/features/video-visits/components/guest-visit';

/** /guest/:token: a visit guest's link (interpreter, relative, carer), opened without an account. */
export default function GuestPage(): ReactNode {
  const { token = '' } = useParams();
  return <GuestVisit token={token} />;
}
