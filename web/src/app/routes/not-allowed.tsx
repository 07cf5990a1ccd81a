import type { ReactNode } from 'react';
import { BackHomePage } from '@/components/back-home-page';

/** Shown (not routed) when a signed-in user opens a page for another role. */
export default function NotAllowedPage(): ReactNode {
  return <BackHomePage reason="notAllowed" />;
}
