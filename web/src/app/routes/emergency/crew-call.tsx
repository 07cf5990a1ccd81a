import type { ReactNode } from 'react';
import { EmergencyCaseCall } from './case-call';

/** The crew's side of the department's video call (answered from the ring on the phone). */
export default function CrewCallRoute(): ReactNode {
  return <EmergencyCaseCall side="crew" />;
}
