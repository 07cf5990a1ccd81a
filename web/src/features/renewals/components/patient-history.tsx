import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Allergy, CheckAnswers, Medication } from '../api/schemas';
import { drugName, frequencyText } from '../lib/format';
import { formatDay, formatInstant } from '@/lib/date-time';

/** The patient's answers to the check before a renewal, "yes" answers highlighted. */
export function CheckAnswersList({ answers }: { answers: CheckAnswers }): ReactNode {
  const { t } = useTranslation('renewals');
  const questions = ['newSymptoms', 'sideEffects', 'hospitalStay', 'pregnancy'] as const;
  return (
    <Stack component="section" aria-labelledby="answers-heading" gap="xs">
      <Title order={2} size="h4" id="answers-heading">
        {t('doctor.answers')}
      </Title>
      <List spacing={2}>
        {questions.map((q) => (
          <List.Item key={q}>
            {t(`form.${q}`)}{' '}
            <Text span fw={700} c={answers[q] ? 'red.8' : undefined}>
              {answers[q] ? t('yes') : t('no')}
            </Text>
          </List.Item>
        ))}
      </List>
      {answers.details && <Text size="sm">“{answers.details}”</Text>}
    </Stack>
  );
}

/** Allergies and medicines on record (staff view), with the time the HIS was read. */
export function MedicationHistory({ medications, allergies, asOf, title }: { medications: readonly Medication[]; allergies: readonly Allergy[]; asOf?: string | null; title: string }): ReactNode {
  const { t, i18n } = useTranslation('renewals');
  return (
    <Stack gap="sm">
      <Stack component="section" aria-labelledby="history-allergies" gap={4}>
        <Title order={2} size="h4" id="history-allergies">
          {t('pharmacy.allergies')}
        </Title>
        {allergies.length === 0 ? (
          <Text c="dimmed">{t('medications.noAllergies')}</Text>
        ) : (
          <Group gap={6}>
            {allergies.map((a) => (
              <Badge key={a.substance} color="red.9" variant="filled" styles={{ label: { textTransform: 'none' } }}>
                {a.substance} · {a.reaction}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
      <Stack component="section" aria-labelledby="history-medications" gap={4}>
        <Title order={2} size="h4" id="history-medications">
          {title}
        </Title>
        {asOf && (
          <Text size="xs" c="dimmed">
            {t('medications.asOf', { time: formatInstant(asOf, i18n.language) })}
          </Text>
        )}
        <List spacing={2}>
          {medications.map((m) => (
            <List.Item key={`${m.source}-${m.code}-${m.startedOn}`}>
              {drugName(i18n.language, m.name, m.nameEn)} {m.strength}, {m.dose} {frequencyText(t, m.frequency)} ·{' '}
              {m.active ? t('medications.active') : t('medications.past')} · {t(`source.${m.source}`)}
              {m.prescriber ? ` · ${m.prescriber}` : ''} · {formatDay(m.startedOn, i18n.language)}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Stack>
  );
}
