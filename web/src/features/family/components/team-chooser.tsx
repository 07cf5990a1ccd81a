import { Alert, Button, Card, Group, List, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import { useApplyForContract } from '../api/apply-for-contract';
import { useFamilyCatalogue } from '../api/get-family-catalogue';
import { localized } from '../lib/format';

/** Choose a team and a service package, and apply to sign. */
export function TeamChooser({ patientId }: { patientId: string }): ReactNode {
  const { t, i18n } = useTranslation('family');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const catalogue = useFamilyCatalogue();
  const apply = useApplyForContract();
  const [teamId, setTeamId] = useState<string | null>(null);
  const [packageId, setPackageId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<{ team?: boolean; package?: boolean }>({});

  if (catalogue.isPending) return <Text>{t('loading')}</Text>;
  if (catalogue.isError) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(catalogue.error, t)}
      </Alert>
    );
  }

  const teams = catalogue.data.teams.filter((team) => team.acceptingApplications);
  // Note: once a team is chosen, only the packages it offers can be chosen with it.
  const offered = teams.find((team) => team.id === teamId)?.packageIds;
  const packages = catalogue.data.packages.filter((pkg) => !offered || offered.includes(pkg.id));
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!teamId || !packageId) {
      setMissing({ team: !teamId, package: !packageId });
      return;
    }
    apply.mutate({ patientId, teamId, packageId, note: note.trim() || undefined });
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="apply-heading">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={2} size="h3" id="apply-heading">
            {t('apply.title')}
          </Title>
          <Text c="dimmed">{t('apply.help')}</Text>
        </Stack>
        {apply.error ? (
          <Alert color="red" role="alert" icon={<IconAlertCircle aria-hidden="true" />}>
            {problemMessage(apply.error, t)}
          </Alert>
        ) : null}
        <Radio.Group
          label={t('apply.team')}
          required
          value={teamId}
          onChange={(value) => {
            setTeamId(value);
            setMissing((m) => ({ ...m, team: false }));
            if (packageId && !teams.find((team) => team.id === value)?.packageIds.includes(packageId)) setPackageId(null);
          }}
          error={missing.team ? t('apply.teamRequired') : undefined}
        >
          <Stack gap="sm" mt="xs">
            {teams.length === 0 ? <Text>{t('apply.noTeams')}</Text> : null}
            {teams.map((team) => (
              <Card key={team.id} withBorder radius="md" padding="md">
                <Radio value={team.id} label={<Text fw={600}>{localized(team.name, team.nameEn, language)}</Text>} />
                <Stack gap={4} mt="xs" pl="xl">
                  <Text size="sm" c="dimmed">
                    {localized(team.facility, team.facilityEn, language)}
                  </Text>
                  <Text size="sm">{localized(team.description, team.descriptionEn, language)}</Text>
                  <Text size="sm">
                    {t('apply.members', {
                      members: team.members
                        .map((m) => `${m.name} (${localized(m.title, m.titleEn, language)}${m.role === 'Lead' ? `, ${t('apply.lead')}` : ''})`)
                        .join(language.startsWith('en') ? ', ' : '、'),
                    })}
                  </Text>
                </Stack>
              </Card>
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group
          label={t('apply.package')}
          required
          value={packageId}
          onChange={(value) => {
            setPackageId(value);
            setMissing((m) => ({ ...m, package: false }));
          }}
          error={missing.package ? t('apply.packageRequired') : undefined}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {packages.map((pkg) => (
              <Card key={pkg.id} withBorder radius="md" padding="md">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Radio value={pkg.id} label={<Text fw={600}>{localized(pkg.name, pkg.nameEn, language)}</Text>} />
                  <Text size="sm" fw={600}>
                    {pkg.annualFee === 0 ? t('apply.free') : t('apply.fee', { amount: formatMoney(pkg.annualFee, catalogue.data.currency, language) })}
                  </Text>
                </Group>
                <Text size="sm" mt="xs">
                  {localized(pkg.description, pkg.descriptionEn, language)}
                </Text>
                <List size="sm" mt="xs" spacing={2}>
                  {(language.startsWith('en') ? pkg.includesEn : pkg.includes).map((item) => (
                    <List.Item key={item}>{item}</List.Item>
                  ))}
                </List>
              </Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
        <Text size="sm" c="dimmed">
          {t('apply.feeNote')}
        </Text>
        <Textarea label={t('apply.note')} description={t('apply.noteHelp')} autosize minRows={2} maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group>
          <Button type="submit" loading={apply.isPending}>
            {t('apply.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
