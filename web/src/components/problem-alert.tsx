import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/lib/problem-message';

/** A refused or failed request, said in the user's language (the problem code's text): the one red alert every page uses. */
export function ProblemAlert({ error }: { error: unknown }): ReactNode {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert">
      {problemMessage(error, t)}
    </Alert>
  );
}
