import type { ReactNode } from 'react';
import { EmergencyCaseCall } from './case-call';

/** The department's side of the video call with the crew (started from the case channel). */
export default function BoardCallRoute(): ReactNode {
  return <EmergencyCaseCall side="board" />;
}
