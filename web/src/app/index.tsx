import { useState, type ReactNode } from 'react';
import { RouterProvider } from 'react-router';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

export interface AppProps {
  /** main.tsx creates the router before the first render, so the first page's chunk loads alongside the texts. */
  router?: ReturnType<typeof createAppRouter>;
}

export function App({ router: given }: AppProps): ReactNode {
  const [router] = useState(() => given ?? createAppRouter());
  return (
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
