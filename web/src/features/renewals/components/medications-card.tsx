import { Anchor, Card, Group, List, Text, ThemeIcon, Title } from '@mantine/core';
import { IconPill } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMedications } from '../api/get-medications';
import { drugName, frequencyText } from '../lib/format';

const SHOWN = 4;

/** The "Medications" card of the patient's home: current medicines at a glance, and the way to the full page. */
export function MedicationsCard({ patientId }: { patientId: string | undefined }): ReactNode {
  const { t, i18n } = useTranslation('renewals');
  const { t: tHome } = useTranslation('home');
  const medications = useMedications(patientId);
  const active = (medications.data?.medications ?? []).filter((m) => m.medication.active);

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={tHome('patient.medications')}>
      <Group gap="sm" mb="sm" wrap="nowrap">
        <ThemeIcon variant="light" size="lg" radius="md" aria-hidden="true">
          <IconPill size={20} />
        </ThemeIcon>
        <Title order={2} size="h4">
          {tHome('patient.medications')}
        </Title>
      </Group>
      {active.length === 0 ? (
        <Text c="dimmed">{medications.isPending && patientId ? t('form.checking') : t('medications.cardEmpty')}</Text>
      ) : (
        <List spacing="xs" listStyleType="none" m={0} p={0}>
          {active.slice(0, SHOWN).map(({ medication }) => (
            <List.Item key={`${medication.source}-${medication.code}`}>
              <Text fw={500}>
                {drugName(i18n.language, medication.name, medication.nameEn)} {medication.strength}
              </Text>
              <Text size="sm" c="dimmed">
                {medication.dose}, {frequencyText(t, medication.frequency)}
              </Text>
            </List.Item>
          ))}
          {active.length > SHOWN && (
            <List.Item>
              <Text size="sm" c="dimmed">
                {t('medications.cardMore', { count: active.length - SHOWN })}
              </Text>
            </List.Item>
          )}
        </List>
      )}
      <Anchor component={Link} to="/medications" mt="sm" display="inline-block">
        {t('medications.seeAll')}
      </Anchor>
    </Card>
  );
}
