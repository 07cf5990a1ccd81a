import { Alert, Badge, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import {
  teamPathways,
  useAmbulanceServices,
  useChangeHospital,
  useChangeService,
  useReceivingHospitals,
  type AmbulanceService,
  type ReceivingHospital,
  type TeamPathway,
} from '@/features/emergency-admin/api/emergency-admin';
import { useStaffInstitutions, type StaffInstitutions } from '@/features/institutions/api/staff-institutions';
import { problemMessage } from '@/lib/problem-message';

function ErrorAlert({ error }: { error: Error | null }): ReactNode {
  const { t } = useTranslation('emergencyAdmin');
  return error ? (
    <Alert color="red" role="alert">
      {problemMessage(error, t)}
    </Alert>
  ) : null;
}

function NewService(): ReactNode {
  const { t } = useTranslation('emergencyAdmin');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [nameEn, setNameEn] = useState('');
  const change = useChangeService();
  return (
    <Card withBorder padding="md" component="section" aria-label={t('services.new')}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('services.new')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('services.code')} description={t('services.codeHint')} required value={code} onChange={(e) => setCode(e.currentTarget.value.toUpperCase())} />
          <TextInput label={t('services.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput label={t('services.nameEn')} required value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} />
        </SimpleGrid>
        <ErrorAlert error={change.error} />
        <Group justify="flex-end">
          <Button
            loading={change.isPending}
            disabled={!code.trim() || !name.trim() || !nameEn.trim()}
            onClick={() =>
              change.mutate(
                { kind: 'create', code: code.trim(), name: name.trim(), nameEn: nameEn.trim() },
                { onSuccess: () => (setCode(''), setName(''), setNameEn(''), notifications.show({ message: t('saved') })) },
              )
            }
          >
            {t('services.create')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ServiceCard({ service, candidates }: { service: AmbulanceService; candidates: StaffInstitutions[] }): ReactNode {
  const { t, i18n } = useTranslation('emergencyAdmin');
  const displayName = i18n.language === 'zh-CN' ? service.name : service.nameEn;
  const [name, setName] = useState(service.name);
  const [nameEn, setNameEn] = useState(service.nameEn);
  const [isActive, setIsActive] = useState(service.isActive);
  const [chosen, setChosen] = useState<string | null>(null);
  const change = useChangeService();
  const changed = name !== service.name || nameEn !== service.nameEn || isActive !== service.isActive;
  const saved = { onSuccess: () => notifications.show({ message: t('saved') }) };
  return (
    <Card withBorder padding="md" component="article" aria-label={displayName}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h4">
            {displayName}
          </Title>
          <Badge variant={service.isActive ? 'light' : 'outline'} color={service.isActive ? undefined : 'dark'}>
            {service.isActive ? t('services.active') : t('services.inactive')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {service.code}
        </Text>
        {service.editable && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('services.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
              <TextInput label={t('services.nameEn')} required value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} />
            </SimpleGrid>
            <Switch label={t('services.activeSwitch')} checked={isActive} onChange={(e) => setIsActive(e.currentTarget.checked)} />
            <Group justify="flex-end">
              <Button
                size="sm"
                disabled={!changed || !name.trim() || !nameEn.trim()}
                loading={change.isPending && change.variables.kind === 'update'}
                aria-label={t('services.saveNamed', { name: displayName })}
                onClick={() => change.mutate({ kind: 'update', id: service.id, name: name.trim(), nameEn: nameEn.trim(), isActive }, saved)}
              >
                {t('save')}
              </Button>
            </Group>
          </>
        )}
        <Title order={4} size="h5">
          {t('services.crew')}
        </Title>
        {service.crew.length === 0 && <Text size="sm">{t('services.noCrew')}</Text>}
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {service.crew.map((member) => (
            <Group key={member.accountId} component="li" justify="space-between" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {member.fullName}
                </Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {member.email}
                </Text>
              </div>
              {service.editable && (
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  style={{ flexShrink: 0 }}
                  aria-label={t('services.removeCrew', { name: member.fullName })}
                  onClick={() => change.mutate({ kind: 'removeCrew', id: service.id, accountId: member.accountId }, saved)}
                >
                  {t('remove')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
        {service.editable && (
          <Group align="flex-end" gap="xs" wrap="wrap">
            <Select
              style={{ flex: '1 1 14rem' }}
              label={t('services.addCrewTo', { name: displayName })}
              description={candidates.length === 0 ? t('services.noCandidates') : t('services.addCrewHint')}
              searchable
              value={chosen}
              onChange={setChosen}
              data={candidates.map((c) => ({ value: c.accountId, label: `${c.fullName} (${c.email})` }))}
            />
            <Button
              disabled={!chosen}
              loading={change.isPending && change.variables.kind === 'addCrew'}
              onClick={() => chosen && change.mutate({ kind: 'addCrew', id: service.id, accountId: chosen }, { onSuccess: () => (setChosen(null), saved.onSuccess()) })}
            >
              {t('services.addCrew')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={change.error} />
      </Stack>
    </Card>
  );
}

function HospitalCard({ hospital, staff }: { hospital: ReceivingHospital; staff: StaffInstitutions[] }): ReactNode {
  const { t, i18n } = useTranslation('emergencyAdmin');
  const displayName = i18n.language === 'zh-CN' ? hospital.name : hospital.nameEn;
  const [latitude, setLatitude] = useState<number | string>(hospital.latitude ?? '');
  const [longitude, setLongitude] = useState<number | string>(hospital.longitude ?? '');
  const [edPhone, setEdPhone] = useState(hospital.edPhone ?? '');
  const [pathway, setPathway] = useState<TeamPathway>('Stroke');
  const [member, setMember] = useState<string | null>(null);
  const change = useChangeHospital();
  const saved = { onSuccess: () => notifications.show({ message: t('saved') }) };
  const positioned = typeof latitude === 'number' && typeof longitude === 'number';
  return (
    <Card withBorder padding="md" component="article" aria-label={displayName}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h4">
            {displayName}
          </Title>
          <Badge variant={hospital.receives ? 'light' : 'outline'} color={hospital.receives ? undefined : 'dark'}>
            {hospital.receives ? t('hospitals.receives') : t('hospitals.notReceiving')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {hospital.code}
          {hospital.edPhone ? ` · ${t('hospitals.edPhone')} ${hospital.edPhone}` : ''}
        </Text>
        {!hospital.editable && (
          <Text size="sm" c="dimmed">
            {t('readOnlyHospital')}
          </Text>
        )}
        {hospital.editable && (
          <>
            <SimpleGrid cols={{ base: 2, sm: 3 }}>
              <NumberInput label={t('hospitals.latitude')} min={-90} max={90} decimalScale={6} value={latitude} onChange={setLatitude} />
              <NumberInput label={t('hospitals.longitude')} min={-180} max={180} decimalScale={6} value={longitude} onChange={setLongitude} />
              <TextInput label={t('hospitals.edPhone')} type="tel" value={edPhone} onChange={(e) => setEdPhone(e.currentTarget.value)} />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('hospitals.positionHint')}
            </Text>
            <Group justify="flex-end">
              <Button
                size="sm"
                disabled={!positioned}
                loading={change.isPending && change.variables.kind === 'set'}
                aria-label={hospital.receives ? t('hospitals.saveNamed', { name: displayName }) : t('hospitals.startNamed', { name: displayName })}
                onClick={() => positioned && change.mutate({ kind: 'set', facilityId: hospital.facilityId, latitude, longitude, edPhone: edPhone.trim() }, saved)}
              >
                {hospital.receives ? t('save') : t('hospitals.start')}
              </Button>
            </Group>
          </>
        )}
        {hospital.receives && (
          <>
            <Title order={4} size="h5">
              {t('hospitals.teams')}
            </Title>
            {teamPathways.map((p) => {
              const members = hospital.teamMembers.filter((m) => m.pathway === p);
              return (
                <Stack key={p} gap={4}>
                  <Text size="sm" fw={700}>
                    {t(`pathways.${p}`)}
                  </Text>
                  {members.length === 0 && (
                    <Text size="sm" c="dimmed">
                      {t('hospitals.noMembers')}
                    </Text>
                  )}
                  {members.map((m) => (
                    <Group key={m.id} justify="space-between" wrap="nowrap" gap="xs">
                      <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                        {m.fullName}
                      </Text>
                      {hospital.editable && (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          style={{ flexShrink: 0 }}
                          aria-label={t('hospitals.removeMember', { name: m.fullName, pathway: t(`pathways.${p}`) })}
                          onClick={() => change.mutate({ kind: 'removeMember', facilityId: hospital.facilityId, memberId: m.id }, saved)}
                        >
                          {t('remove')}
                        </Button>
                      )}
                    </Group>
                  ))}
                </Stack>
              );
            })}
            {hospital.editable && (
              <Stack gap="xs" component="section" aria-label={t('hospitals.addMemberTo', { name: displayName })}>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label={t('hospitals.pathway')}
                    allowDeselect={false}
                    value={pathway}
                    onChange={(v) => setPathway(teamPathways.find((p) => p === v) ?? 'Stroke')}
                    data={teamPathways.map((p) => ({ value: p, label: t(`pathways.${p}`) }))}
                  />
                  <Select
                    label={t('hospitals.member')}
                    searchable
                    value={member}
                    onChange={setMember}
                    data={staff.map((s) => ({ value: s.accountId, label: `${s.fullName} (${s.email})` }))}
                  />
                </SimpleGrid>
                <Group justify="flex-end">
                  <Button
                    size="sm"
                    disabled={!member}
                    loading={change.isPending && change.variables.kind === 'addMember'}
                    onClick={() =>
                      member &&
                      change.mutate({ kind: 'addMember', facilityId: hospital.facilityId, pathway, accountId: member }, { onSuccess: () => (setMember(null), saved.onSuccess()) })
                    }
                  >
                    {t('hospitals.addMember')}
                  </Button>
                </Group>
              </Stack>
            )}
          </>
        )}
        {hospital.editable && !hospital.receives && (
          <Text size="xs" c="dimmed">
            {t('hospitals.teamsNeedPosition')}
          </Text>
        )}
        <ErrorAlert error={change.error} />
      </Stack>
    </Card>
  );
}

/** Admin: ambulance services and crews (the consortium's administrator), receiving hospitals and their pathway teams (each institution's). */
export default function EmergencyAdminRoute(): ReactNode {
  const { t } = useTranslation('emergencyAdmin');
  const services = useAmbulanceServices();
  const hospitals = useReceivingHospitals();
  const staff = useStaffInstitutions();
  if (services.isPending || hospitals.isPending || staff.isPending) {
    return (
      <Page title={t('title')}>
        <PageLoader />
      </Page>
    );
  }

  if (services.isError || hospitals.isError || staff.isError) {
    return (
      <Page title={t('title')}>
        <ErrorAlert error={services.error ?? hospitals.error ?? staff.error} />
      </Page>
    );
  }

  const onCrew = new Set(services.data.services.flatMap((s) => s.crew.map((m) => m.accountId)));
  const candidates = staff.data.filter((s) => s.roles.includes('Paramedic') && !onCrew.has(s.accountId));
  const teamStaff = staff.data.filter((s) => !s.roles.some((role) => ['SystemAdmin', 'ConsortiumAdmin', 'SecurityAdmin', 'AuditAdmin'].includes(role)));
  return (
    <Page title={t('title')} description={t('description')}>
      <Stack gap="md">
        <Title order={2}>{t('services.title')}</Title>
        {!services.data.canManage && (
          <Text size="sm" c="dimmed">
            {t('readOnly')}
          </Text>
        )}
        {services.data.canManage && <NewService />}
        {services.data.services.length === 0 && <Text>{t('services.none')}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {services.data.services.map((s) => (
            <ServiceCard key={s.id} service={s} candidates={candidates} />
          ))}
        </SimpleGrid>
        <Title order={2}>{t('hospitals.title')}</Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {hospitals.data.map((h) => (
            <HospitalCard key={h.facilityId} hospital={h} staff={teamStaff} />
          ))}
        </SimpleGrid>
      </Stack>
    </Page>
  );
}
