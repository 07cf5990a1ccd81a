import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { hisAdapters, institutionLevels, useInstitutions, type Institution } from '@/features/institutions/api/institutions';
import { useSaveInstitution, type InstitutionSettings } from '@/features/institutions/api/save-institution';
import { problemMessage } from '@/lib/problem-message';

const emptySettings: InstitutionSettings = {
  name: '',
  nameEn: '',
  level: 'Community',
  timeZone: 'Asia/Shanghai',
  address: '',
  phone: '',
  hisAdapter: 'ConsortiumDefault',
  hisEndpoint: '',
};

function settingsOf(institution: Institution): InstitutionSettings {
  return {
    name: institution.name,
    nameEn: institution.nameEn,
    level: institution.level,
    timeZone: institution.timeZone,
    address: institution.address ?? '',
    phone: institution.phone ?? '',
    hisAdapter: institution.hisAdapter,
    hisEndpoint: institution.hisEndpoint ?? '',
  };
}

/** The fields of an institution's settings; the HIS endpoint only when it has its own HIS. */
function SettingsFields({ value, onChange, idPrefix }: { value: InstitutionSettings; onChange: (next: InstitutionSettings) => void; idPrefix: string }): ReactNode {
  const { t } = useTranslation('institutions');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput id={`${idPrefix}-name`} label={t('fields.name')} required value={value.name} onChange={(e) => onChange({ ...value, name: e.currentTarget.value })} />
      <TextInput id={`${idPrefix}-name-en`} label={t('fields.nameEn')} required value={value.nameEn} onChange={(e) => onChange({ ...value, nameEn: e.currentTarget.value })} />
      <Select
        label={t('fields.level')}
        value={value.level}
        allowDeselect={false}
        onChange={(v) => onChange({ ...value, level: institutionLevels.find((level) => level === v) ?? 'Community' })}
        data={institutionLevels.map((level) => ({ value: level, label: t(`levels.${level}`) }))}
      />
      <TextInput label={t('fields.timeZone')} description={t('fields.timeZoneHint')} required value={value.timeZone} onChange={(e) => onChange({ ...value, timeZone: e.currentTarget.value })} />
      <TextInput label={t('fields.address')} value={value.address} onChange={(e) => onChange({ ...value, address: e.currentTarget.value })} />
      <TextInput label={t('fields.phone')} type="tel" value={value.phone} onChange={(e) => onChange({ ...value, phone: e.currentTarget.value })} />
      <Select
        label={t('fields.his')}
        value={value.hisAdapter}
        allowDeselect={false}
        onChange={(v) => onChange({ ...value, hisAdapter: hisAdapters.find((adapter) => adapter === v) ?? 'ConsortiumDefault' })}
        data={hisAdapters.map((adapter) => ({ value: adapter, label: t(`his.${adapter}`) }))}
      />
      {value.hisAdapter !== 'ConsortiumDefault' && (
        <TextInput
          label={t('fields.hisEndpoint')}
          description={t('fields.hisEndpointHint')}
          type="url"
          required
          value={value.hisEndpoint}
          onChange={(e) => onChange({ ...value, hisEndpoint: e.currentTarget.value })}
        />
      )}
    </SimpleGrid>
  );
}

function InstitutionCard({ institution }: { institution: Institution }): ReactNode {
  const { t, i18n } = useTranslation('institutions');
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(() => settingsOf(institution));
  const save = useSaveInstitution();
  const name = i18n.language === 'zh-CN' ? institution.name : institution.nameEn;
  return (
    <Card withBorder padding="md" component="article" aria-label={name}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4">
            {name}
          </Title>
          <Badge variant="light">{t(`levels.${institution.level}`)}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {institution.code} · {institution.timeZone}
          {institution.phone ? ` · ${institution.phone}` : ''}
        </Text>
        {institution.address && <Text size="sm">{institution.address}</Text>}
        <Text size="sm">
          {t('fields.his')}: {t(`his.${institution.hisAdapter}`)}
          {institution.hisEndpoint ? ` (${institution.hisEndpoint})` : ''}
        </Text>
        {!institution.editable && (
          <Text size="sm" c="dimmed">
            {t('readOnly')}
          </Text>
        )}
        {institution.editable && !editing && (
          <Group justify="flex-end">
            <Button variant="light" size="sm" onClick={() => setEditing(true)} aria-label={t('editNamed', { name })}>
              {t('edit')}
            </Button>
          </Group>
        )}
        {editing && (
          <Stack gap="sm">
            <SettingsFields value={draft} onChange={setDraft} idPrefix={`inst-${institution.id}`} />
            {save.isError && (
              <Alert color="red" role="alert">
                {problemMessage(save.error, t)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" size="sm" onClick={() => (setEditing(false), setDraft(settingsOf(institution)))}>
                {t('cancel')}
              </Button>
              <Button
                size="sm"
                loading={save.isPending}
                onClick={() =>
                  save.mutate({ id: institution.id, settings: draft }, { onSuccess: () => (setEditing(false), notifications.show({ message: t('saved') })) })
                }
              >
                {t('save')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function AddInstitution(): ReactNode {
  const { t } = useTranslation('institutions');
  const [code, setCode] = useState('');
  const [draft, setDraft] = useState(emptySettings);
  const save = useSaveInstitution();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="new-institution">
      <Stack gap="sm">
        <Title order={2} size="h4" id="new-institution">
          {t('add')}
        </Title>
        <TextInput label={t('fields.code')} description={t('fields.codeHint')} required value={code} onChange={(e) => setCode(e.currentTarget.value.toUpperCase())} />
        <SettingsFields value={draft} onChange={setDraft} idPrefix="new-institution" />
        {save.isError && (
          <Alert color="red" role="alert">
            {problemMessage(save.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            loading={save.isPending}
            disabled={!code || !draft.name || !draft.nameEn}
            onClick={() => save.mutate({ code, settings: draft }, { onSuccess: () => (setCode(''), setDraft(emptySettings), notifications.show({ message: t('saved') })) })}
          >
            {t('create')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Admin: the consortium's institutions (医联体成员机构) and their settings; only one's own are editable, the consortium's administrator edits all. */
export default function InstitutionsRoute(): ReactNode {
  const { t } = useTranslation('institutions');
  const institutions = useInstitutions();
  return (
    <Page title={t('title')}>
      {institutions.isPending ? (
        <PageLoader />
      ) : institutions.isError ? (
        <Alert color="red" role="alert">
          {problemMessage(institutions.error, t)}
        </Alert>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {institutions.data.institutions.map((institution) => (
              <InstitutionCard key={institution.id} institution={institution} />
            ))}
          </SimpleGrid>
          {institutions.data.canAddInstitutions && <AddInstitution />}
        </>
      )}
    </Page>
  );
}
