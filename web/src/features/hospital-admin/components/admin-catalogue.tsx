import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { problemMessage } from '@/lib/problem-message';

/** The cards of an admin list (teams, packages): loading, the error, "none yet", or the cards two to a row on wide screens. */
export function AdminCardList<T>({ query, none, children }: { query: UseQueryResult<T[]>; none: string; children: (item: T) => ReactNode }): ReactNode {
  const { t } = useTranslation('hospitalAdmin');
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(query.error, t)}
      </Alert>
    );
  }

  if (query.data.length === 0) return <Text>{none}</Text>;
  return <SimpleGrid cols={{ base: 1, md: 2 }}>{query.data.map(children)}</SimpleGrid>;
}

interface AdminEditorProps {
  id: string;
  title: string;
  /** The save's refusal, if any (shown above the buttons). */
  error: Error | null;
  /** Editing an existing item (a Cancel button goes back to adding); otherwise adding one. */
  editing: boolean;
  onCancel: () => void;
  cancelLabel: string;
  saveLabel: string;
  saving: boolean;
  canSave: boolean;
  onSave: () => void;
  children: ReactNode;
}

/** The form card under an admin list that adds an item, or changes the one chosen with its Edit button. */
export function AdminEditor({ id, title, error, editing, onCancel, cancelLabel, saveLabel, saving, canSave, onSave, children }: AdminEditorProps): ReactNode {
  const { t } = useTranslation('hospitalAdmin');
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
        {error && (
          <Alert color="red" role="alert">
            {problemMessage(error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          {editing && (
            <Button variant="default" onClick={onCancel}>
              {cancelLabel}
            </Button>
          )}
          <Button loading={saving} disabled={!canSave} onClick={onSave}>
            {saveLabel}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export interface AdminEditing<D> {
  /** The id of the item being changed, or null while adding one. */
  editing: string | null;
  draft: D;
  setDraft: (draft: D) => void;
  /** Starts changing an item (its Edit button). */
  edit: (id: string, draft: D) => void;
  /** Back to adding, with an empty form. */
  reset: () => void;
  /** After a save went through: says so, and goes back to adding. */
  saved: () => void;
}

/** The state of an admin list's form: adding (empty) or changing one item, and the save's outcome cleared between. */
export function useAdminEditing<D>(empty: D, save: { reset: () => void }): AdminEditing<D> {
  const { t } = useTranslation('hospitalAdmin');
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<D>(empty);
  const reset = (): void => {
    setEditing(null);
    setDraft(empty);
    save.reset();
  };
  return {
    editing,
    draft,
    setDraft,
    edit: (id, value) => {
      save.reset();
      setEditing(id);
      setDraft(value);
    },
    reset,
    saved: () => {
      notifications.show({ message: t('saved') });
      reset();
    },
  };
}
