import { Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSpecialistSearch } from '../api/find-specialists';
import type { VideoVisit } from '../api/get-video-visit';
import { useInviteSpecialist } from '../api/invite-specialist';
import { ProblemAlert } from '@/components/problem-alert';

/** Remote consultation: the doctor finds a colleague by name or department and invites them into the call. */
export function InviteSpecialist({ visit }: { visit: VideoVisit }): ReactNode {
  const { t, i18n } = useTranslation('visits');
  const [query, setQuery] = useState('');
  const found = useSpecialistSearch(query);
  const invite = useInviteSpecialist(visit.id);
  const zh = i18n.language.startsWith('zh');
  const invited = new Set(visit.specialists.map((s) => s.doctorId));

  return (
    <Stack gap="sm" component="section" aria-labelledby="invite-title">
      <Title order={2} size="h4" id="invite-title">
        {t('invite.title')}
      </Title>
      {visit.specialists.map((s) => (
        <Group key={s.doctorId} gap="xs">
          <Text>
            {s.name} · {zh ? s.department : s.departmentEn}
          </Text>
          <Badge variant="filled" color="gray.7">{t('invite.invited')}</Badge>
        </Group>
      ))}
      {invite.error && <ProblemAlert error={invite.error} />}
      <TextInput label={t('invite.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      {query.trim() && found.data?.length === 0 && <Text c="dimmed">{t('invite.none')}</Text>}
      {query.trim() &&
        found.data?.map((doctor) => (
          <Group key={doctor.doctorId} justify="space-between" wrap="nowrap">
            <Text>
              {doctor.name}, {zh ? doctor.title : doctor.titleEn} · {zh ? doctor.department : doctor.departmentEn} · {zh ? doctor.facility : doctor.facilityEn}
            </Text>
            <Button
              size="xs"
              disabled={invited.has(doctor.doctorId)}
              loading={invite.isPending && invite.variables === doctor.doctorId}
              onClick={() => invite.mutate(doctor.doctorId)}
            >
              {/* Note: the button says what it does (its name is its text: axe's label-content-name-mismatch); the list above says who is invited. */}
              {t('invite.invite', { name: doctor.name })}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}
