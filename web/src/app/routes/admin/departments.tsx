import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { useCreateDepartment } from '@/features/hospital-admin/api/create-department';
import { useAdminDepartments, type AdminDepartment } from '@/features/hospital-admin/api/departments';
import { useFacilities } from '@/features/hospital-admin/api/list-facilities';
import { useSetDepartmentConditions } from '@/features/hospital-admin/api/set-department-conditions';
import { problemMessage } from '@/lib/problem-message';
import { useServerFormErrors } from '@/lib/use-server-form-errors';

const splitConditions = (text: string): string[] => text.split(/[,，\s]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);

function DepartmentRow({ department }: { department: AdminDepartment }): ReactNode {
  const { t, i18n } = useTranslation('hospitalAdmin');
  const [text, setText] = useState(department.conditions.join(', '));
  const save = useSetDepartmentConditions();
  const name = i18n.language === 'zh-CN' ? department.name : department.nameEn;
  return (
    <Card withBorder padding="md" component="article" aria-label={name}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {name} ({department.code})
        </Title>
        <Text size="sm" c="dimmed">
          {i18n.language === 'zh-CN' ? department.facility.name : department.facility.nameEn} · {t('departments.doctors', { count: department.doctors })}
        </Text>
        <TextInput
          label={t('departments.conditions', { name })}
          description={t('departments.conditionsHint')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={save.isError ? problemMessage(save.error, t) : undefined}
        />
        <Group justify="flex-end">
          <Button size="sm" loading={save.isPending} onClick={() => save.mutate({ departmentId: department.id, conditions: splitConditions(text) }, { onSuccess: () => notifications.show({ message: t('saved') }) })}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

const departmentFields = ['facilityId', 'code', 'name', 'nameEn', 'conditions'] as const;
type DepartmentField = (typeof departmentFields)[number];

/** Admin: departments and the conditions each follows up online (domain rule 1). */
export default function DepartmentsRoute(): ReactNode {
  const { t, i18n } = useTranslation('hospitalAdmin');
  const departments = useAdminDepartments();
  const facilities = useFacilities();
  const create = useCreateDepartment();
  const [draft, setDraft] = useState({ facilityId: '', code: '', name: '', nameEn: '', conditions: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<DepartmentField, string>>>({});
  const { formError, setFormError, onError } = useServerFormErrors(
    { fields: departmentFields, setFieldError: (field, message) => setFieldErrors((current) => ({ ...current, [field]: message })) },
    t,
    { codeFields: { duplicate_department_code: 'code', invalid_icd10_range: 'conditions' } },
  );

  return (
    <Page title={t('departments.title')}>
      {departments.isPending ? (
        <PageLoader />
      ) : departments.isError ? (
        <Alert color="red" role="alert">
          {problemMessage(departments.error, t)}
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {departments.data.map((d) => (
            <DepartmentRow key={d.id} department={d} />
          ))}
        </SimpleGrid>
      )}
      <Card withBorder padding="md" component="section" aria-labelledby="new-department">
        <Stack gap="sm">
          <Title order={2} size="h4" id="new-department">
            {t('departments.add')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('departments.facility')}
              required
              value={draft.facilityId || null}
              onChange={(v) => setDraft({ ...draft, facilityId: v ?? '' })}
              data={(facilities.data ?? []).map((f) => ({ value: f.id, label: i18n.language === 'zh-CN' ? f.name : f.nameEn }))}
            />
            <TextInput label={t('departments.code')} required error={fieldErrors.code} value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.currentTarget.value.toUpperCase() })} />
            <TextInput label={t('departments.name')} required error={fieldErrors.name} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
            <TextInput label={t('departments.nameEn')} required error={fieldErrors.nameEn} value={draft.nameEn} onChange={(e) => setDraft({ ...draft, nameEn: e.currentTarget.value })} />
          </SimpleGrid>
          <TextInput label={t('departments.newConditions')} description={t('departments.conditionsHint')} error={fieldErrors.conditions} value={draft.conditions} onChange={(e) => setDraft({ ...draft, conditions: e.currentTarget.value })} />
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              loading={create.isPending}
              disabled={!draft.facilityId || !draft.code || !draft.name || !draft.nameEn}
              onClick={() => {
                setFormError(null);
                setFieldErrors({});
                create.mutate(
                  { ...draft, conditions: splitConditions(draft.conditions) },
                  { onSuccess: () => setDraft({ facilityId: '', code: '', name: '', nameEn: '', conditions: '' }), onError },
                );
              }}
            >
              {t('departments.create')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Page>
  );
}
