import type { ReactNode } from 'react';
import { PageLoader } from '@/components/page-loader';

/** Shown while the first page's code chunk loads. */
export function RouterFallback(): ReactNode {
  return (
    <main>
      <PageLoader />
    </main>
  );
}
