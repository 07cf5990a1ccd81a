import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseQueryResult } from '@tanstack/react-query';
import { useCallback, useState, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { problemMessage } from '@/lib/problem-message';
import { useServerFormErrors, type ServerFormErrorOptions } from '@/lib/use-server-form-errors';

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

/** The catalogue whose texts an editor uses: `<catalogue>.add`, `.editTitle`, `.create`, `.cancel`, `.name` … */
type AdminCatalogue = 'familyTeams' | 'familyPackages';

interface AdminEditorProps<D> {
  id: string;
  catalogue: AdminCatalogue;
  /** The form's state (useAdminEditing): adding or changing, and what the last refusal said beyond the fields. */
  editor: AdminEditing<D>;
  saving: boolean;
  canSave: boolean;
  onSave: () => void;
  children: ReactNode;
}

/** The form card under an admin list that adds an item, or changes the one chosen with its Edit button. */
export function AdminEditor<D>({ id, catalogue, editor, saving, canSave, onSave, children }: AdminEditorProps<D>): ReactNode {
  const { t } = useTranslation('hospitalAdmin');
  const editing = editor.editing !== null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {editing ? t(`${catalogue}.editTitle`) : t(`${catalogue}.add`)}
        </Title>
        {children}
        {editor.formError && (
          <Alert color="red" role="alert">
            {editor.formError}
          </Alert>
        )}
        <Group justify="flex-end">
          {editing && (
            <Button variant="default" onClick={editor.reset}>
              {t(`${catalogue}.cancel`)}
            </Button>
          )}
          <Button loading={saving} disabled={!canSave} onClick={onSave}>
            {editing ? t('save') : t(`${catalogue}.create`)}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

type NameField = 'name' | 'nameEn' | 'description' | 'descriptionEn';

/** The names and descriptions every catalogue item has in both languages (names required). */
export function AdminNameFields({ catalogue, text }: { catalogue: AdminCatalogue; text: (field: NameField) => TextFieldProps }): ReactNode {
  const { t } = useTranslation('hospitalAdmin');
  return (
    <>
      <TextInput label={t(`${catalogue}.name`)} required {...text('name')} />
      <TextInput label={t(`${catalogue}.nameEn`)} required {...text('nameEn')} />
      <TextInput label={t(`${catalogue}.description`)} {...text('description')} />
      <TextInput label={t(`${catalogue}.descriptionEn`)} {...text('descriptionEn')} />
    </>
  );
}

interface TextFieldProps {
  value: string;
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  error?: string;
}

/** The draft's fields a text input edits. */
type TextField<D> = { [K in keyof D & string]: D[K] extends string ? K : never }[keyof D & string];

export interface AdminEditing<D> {
  /** The id of the item being changed, or null while adding one. */
  editing: string | null;
  draft: D;
  /** Changes some fields; their server errors go (the admin has answered them). */
  setDraft: (draft: D) => void;
  /** A field's server error, if the last save was refused for it. */
  errorOf: (field: keyof D & string) => string | undefined;
  /** A text field's value, change handler and server error, for a TextInput or Textarea. */
  text: (field: TextField<D>) => TextFieldProps;
  /** What the last refusal says beyond the fields' errors (for AdminEditor). */
  formError: string | null;
  /** Give to the save's onError: field errors go under their fields. */
  onError: (error: unknown) => void;
  /** Starts changing an item (its Edit button). */
  edit: (id: string, draft: D) => void;
  /** Back to adding, with an empty form. */
  reset: () => void;
  /** After a save went through: says so, and goes back to adding. */
  saved: () => void;
}

/**
 * The state of an admin list's form: adding (empty) or changing one item, the server's refusal of a save on the
 * fields it concerns (see useServerFormErrors), and all of that cleared between items.
 */
export function useAdminEditing<D extends object>(
  empty: D,
  save: { reset: () => void },
  fields: readonly (keyof D & string)[],
  options: ServerFormErrorOptions<keyof D & string> = {},
): AdminEditing<D> {
  const { t } = useTranslation('hospitalAdmin');
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraftState] = useState<D>(empty);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof D & string, string>>>({});
  const setFieldError = useCallback((field: keyof D & string, message: string) => setFieldErrors((current) => ({ ...current, [field]: message })), []);
  const { formError, setFormError, onError } = useServerFormErrors({ fields, setFieldError }, t, options);
  const clearErrors = (): void => {
    setFieldErrors({});
    setFormError(null);
  };
  const setDraft = (next: D): void => {
    const changed = fields.filter((field) => next[field] !== draft[field]);
    if (changed.some((field) => fieldErrors[field] !== undefined)) {
      setFieldErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !changed.includes(field as keyof D & string))) as typeof current);
    }
    setDraftState(next);
  };
  const reset = (): void => {
    setEditing(null);
    setDraftState(empty);
    clearErrors();
    save.reset();
  };
  return {
    editing,
    draft,
    setDraft,
    errorOf: (field) => fieldErrors[field],
    text: (field) => ({
      value: draft[field] as string,
      onChange: (e) => setDraft({ ...draft, [field]: e.currentTarget.value }),
      error: fieldErrors[field],
    }),
    formError,
    onError,
    edit: (id, value) => {
      save.reset();
      clearErrors();
      setEditing(id);
      setDraftState(value);
    },
    reset,
    saved: () => {
      notifications.show({ message: t('saved') });
      reset();
    },
  };
}
