import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from './use-document-title';

export interface PageProps {
  /** The page's one h1; also used for document.title. */
  title: string;
  /** Optional text under the heading. */
  description?: ReactNode;
  children?: ReactNode;
}

/** Frame for every routed page: one h1 and a matching document title. */
export function Page({ title, description, children }: PageProps): ReactNode {
  useDocumentTitle(title);
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{title}</Title>
        {description}
      </Stack>
      {children}
    </Stack>
  );
}
