import { Badge, Button, Card, Group, MultiSelect, Select, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { useAdminDepartments } from '@/features/hospital-admin/api/departments';
import { useAdminDoctors } from '@/features/hospital-admin/api/doctors';
import { useAdminPackages, type AdminPackage } from '@/features/hospital-admin/api/family-packages';
import { useAdminFamilyTeams, type AdminFamilyTeam } from '@/features/hospital-admin/api/family-teams';
import { useFacilities } from '@/features/hospital-admin/api/list-facilities';
import { useSaveFamilyTeam, type FamilyTeamInput } from '@/features/hospital-admin/api/save-family-team';
import { AdminCardList, AdminEditor, AdminNameFields, useAdminEditing } from '@/features/hospital-admin/components/admin-catalogue';

const emptyDraft: FamilyTeamInput = {
  name: '',
  nameEn: '',
  description: '',
  descriptionEn: '',
  facilityId: '',
  departmentId: null,
  leadDoctorId: '',
  doctorIds: [],
  acceptingApplications: true,
  packageIds: [],
};

const teamFields = ['name', 'nameEn', 'description', 'descriptionEn', 'facilityId', 'departmentId', 'leadDoctorId', 'doctorIds', 'packageIds'] as const;

const toDraft = (team: AdminFamilyTeam): FamilyTeamInput => ({
  name: team.name,
  nameEn: team.nameEn,
  description: team.description,
  descriptionEn: team.descriptionEn,
  facilityId: team.facility.id,
  departmentId: team.departmentId,
  leadDoctorId: team.members.find((m) => m.role === 'Lead')?.doctorId ?? '',
  doctorIds: team.members.map((m) => m.doctorId),
  acceptingApplications: team.acceptingApplications,
  version: team.version,
  packageIds: team.packageIds,
});

function TeamCard({ team, packages, onEdit }: { team: AdminFamilyTeam; packages: AdminPackage[]; onEdit: () => void }): ReactNode {
  const { t, i18n } = useTranslation('hospitalAdmin');
  const zh = i18n.language === 'zh-CN';
  const name = zh ? team.name : team.nameEn;
  const lead = team.members.find((m) => m.role === 'Lead');
  const members = team.members.filter((m) => m.role === 'Member');
  return (
    <Card withBorder padding="md" component="article" aria-label={name}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4">
            {name}
          </Title>
          <Badge variant="light" color={team.acceptingApplications ? 'green' : 'gray'} c="dark.8">
            {team.acceptingApplications ? t('familyTeams.accepting') : t('familyTeams.notAccepting')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {zh ? team.facility.name : team.facility.nameEn} · {t('familyTeams.contracts', { count: team.activeContracts })}
        </Text>
        <Text size="sm">
          {t('familyTeams.lead')}: {lead ? lead.name : '—'}
        </Text>
        <Text size="sm">
          {t('familyTeams.members')}: {members.length > 0 ? members.map((m) => m.name).join(zh ? '、' : ', ') : '—'}
        </Text>
        <Text size="sm">
          {t('familyTeams.packages')}:{' '}
          {team.packageIds.length === 0
            ? t('familyTeams.allPackages')
            : packages
                .filter((p) => team.packageIds.includes(p.id))
                .map((p) => (zh ? p.name : p.nameEn))
                .join(zh ? '、' : ', ')}
        </Text>
        <Group justify="flex-end">
          <Button size="sm" variant="light" onClick={onEdit} aria-label={t('familyTeams.editNamed', { name })}>
            {t('familyTeams.edit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Admin: family-doctor teams (who leads, who is in, whether they take new patients), and a form to set one up or change it. */
export default function FamilyTeamsRoute(): ReactNode {
  const { t, i18n } = useTranslation('hospitalAdmin');
  const zh = i18n.language === 'zh-CN';
  const teams = useAdminFamilyTeams();
  const facilities = useFacilities();
  const departments = useAdminDepartments();
  const doctors = useAdminDoctors();
  const packages = useAdminPackages();
  const save = useSaveFamilyTeam();
  const editor = useAdminEditing(emptyDraft, save, teamFields, { within: 'team' });
  const { editing, draft, setDraft, errorOf, text, onError, edit, saved } = editor;

  const familyDoctors = (doctors.data ?? [])
    .filter((d) => d.profile.isFamilyDoctor || draft.doctorIds.includes(d.id))
    .map((d) => ({ value: d.id, label: d.profile.fullName }));
  const departmentOptions = (departments.data ?? [])
    .filter((d) => d.facility.id === draft.facilityId)
    .map((d) => ({ value: d.id, label: zh ? d.name : d.nameEn }));

  return (
    <Page title={t('familyTeams.title')}>
      <AdminCardList query={teams} none={t('familyTeams.none')}>
        {(team) => (
          <TeamCard
            key={team.id}
            team={team}
            packages={packages.data ?? []}
            onEdit={() => edit(team.id, toDraft(team))}
          />
        )}
      </AdminCardList>
      <AdminEditor
        id="family-team-form"
        catalogue="familyTeams"
        editor={editor}
        saving={save.isPending}
        canSave={Boolean(draft.name && draft.nameEn && draft.facilityId && draft.leadDoctorId && draft.doctorIds.length > 0)}
        onSave={() => save.mutate({ teamId: editing ?? undefined, team: draft }, { onSuccess: saved, onError })}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <AdminNameFields catalogue="familyTeams" text={text} />
          <Select
            label={t('familyTeams.facility')}
            required
            value={draft.facilityId || null}
            error={errorOf('facilityId')}
            onChange={(v) => setDraft({ ...draft, facilityId: v ?? '', departmentId: null })}
            data={(facilities.data ?? []).map((f) => ({ value: f.id, label: zh ? f.name : f.nameEn }))}
          />
          <Select
            label={t('familyTeams.department')}
            clearable
            value={draft.departmentId}
            error={errorOf('departmentId')}
            onChange={(v) => setDraft({ ...draft, departmentId: v })}
            data={departmentOptions}
          />
          <MultiSelect
            label={t('familyTeams.doctors')}
            description={t('familyTeams.doctorsHint')}
            required
            searchable
            value={draft.doctorIds}
            error={errorOf('doctorIds')}
            onChange={(ids) => setDraft({ ...draft, doctorIds: ids })}
            data={familyDoctors}
          />
          <Select
            label={t('familyTeams.lead')}
            required
            value={draft.leadDoctorId || null}
            error={errorOf('leadDoctorId')}
            onChange={(v) => setDraft({ ...draft, leadDoctorId: v ?? '' })}
            data={familyDoctors.filter((d) => draft.doctorIds.includes(d.value))}
          />
          <MultiSelect
            label={t('familyTeams.packagesField')}
            description={t('familyTeams.packagesHint')}
            searchable
            value={draft.packageIds}
            error={errorOf('packageIds')}
            onChange={(ids) => setDraft({ ...draft, packageIds: ids })}
            data={(packages.data ?? []).map((p) => ({ value: p.id, label: zh ? p.name : p.nameEn }))}
          />
        </SimpleGrid>
        <Switch
          label={t('familyTeams.acceptingSwitch')}
          checked={draft.acceptingApplications}
          onChange={(e) => setDraft({ ...draft, acceptingApplications: e.currentTarget.checked })}
        />
      </AdminEditor>
    </Page>
  );
}
