import type { ReactNode } from 'react';
import { BackHomePage } from '@/components/back-home-page';

export default function NotFoundRoute(): ReactNode {
  return <BackHomePage reason="notFound" />;
}
