import { Alert, Badge, Button, Card, Checkbox, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { problemMessage } from '@/lib/problem-message';
import { useMedications, type MedicationsView } from '../api/get-medications';
import { drugName, frequencyText } from '../lib/format';
import { formatDay, formatInstant } from '@/lib/date-time';

type Row = MedicationsView['medications'][number];

/**
 * The patient's medicines, current first: what, how, who prescribed it and when it was last dispensed; each one
 * that can be renewed online has a checkbox, the others say why not. Allergies on record close the list.
 */
export function MedicationList({ patientId }: { patientId: string | undefined }): ReactNode {
  const { t, i18n } = useTranslation('renewals');
  const navigate = useNavigate();
  const medications = useMedications(patientId);
  const [selected, setSelected] = useState<string[]>([]);

  if (medications.isError) return <Alert color="red" role="alert">{problemMessage(medications.error, t)}</Alert>;
  if (!medications.data) return <Text c="dimmed">{t('form.checking')}</Text>;
  const view = medications.data;

  // Note: a medicine can be on the hospital list and prescribed here too; it is offered for renewal once.
  const offered = new Set<string>();
  const rows = view.medications.map((row) => {
    const drugId = row.renewal.eligible ? row.medication.drugId : null;
    const offer = drugId !== null && !offered.has(drugId);
    if (drugId) offered.add(drugId);
    return { row, offer };
  });

  const toggle = (drugId: string, checked: boolean): void =>
    setSelected((current) => (checked ? [...current, drugId] : current.filter((id) => id !== drugId)));

  return (
    <Stack gap="md">
      {view.hisAsOf && <Text size="sm" c="dimmed">{t('medications.asOf', { time: formatInstant(view.hisAsOf, i18n.language) })}</Text>}
      {view.hisStale && (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden="true" />}>
          {t('medications.stale')}
        </Alert>
      )}
      {!view.hisLinked && (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden="true" />}>
          {t('medications.notLinked')}
        </Alert>
      )}
      {rows.length === 0 && <Text c="dimmed">{t('medications.empty')}</Text>}
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {rows.map(({ row, offer }) => (
          <li key={`${row.medication.source}-${row.medication.code}-${row.medication.startedOn}`}>
            <MedicationRow row={row} offer={offer} checked={selected.includes(row.medication.drugId ?? '')} onToggle={toggle} />
          </li>
        ))}
      </Stack>
      {selected.length > 0 && (
        <Button
          size="md"
          onClick={() => {
            const query = new URLSearchParams(selected.map((id) => ['drug', id]));
            void navigate(`/renewals/new?${query.toString()}`);
          }}
        >
          {t('medications.requestRenewal', { count: selected.length })}
        </Button>
      )}
      <Stack component="section" aria-labelledby="allergies-heading" gap="xs">
        <Title order={2} size="h3" id="allergies-heading">
          {t('medications.allergies')}
        </Title>
        {view.allergies.length === 0 ? (
          <Text c="dimmed">{t('medications.noAllergies')}</Text>
        ) : (
          <List>
            {view.allergies.map((allergy) => (
              <List.Item key={allergy.substance}>
                {allergy.substance}: {allergy.reaction} ({allergy.severity})
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Stack>
  );
}

function MedicationRow({ row, offer, checked, onToggle }: { row: Row; offer: boolean; checked: boolean; onToggle: (drugId: string, checked: boolean) => void }): ReactNode {
  const { t, i18n } = useTranslation('renewals');
  const { medication, renewal } = row;
  const name = `${drugName(i18n.language, medication.name, medication.nameEn)} ${medication.strength}`;
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h5">
            {name}
          </Title>
          <Group gap={6}>
            <Badge variant="filled" color={medication.active ? 'teal.9' : 'gray.7'} styles={{ label: { textTransform: 'none' } }}>
              {medication.active ? t('medications.active') : t('medications.past')}
            </Badge>
            <Badge variant="outline" color="gray.7" styles={{ label: { textTransform: 'none' } }}>
              {t(`source.${medication.source}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">{t('medications.dose', { dose: medication.dose, frequency: frequencyText(t, medication.frequency), route: medication.route })}</Text>
        <Text size="sm" c="dimmed">
          {[
            medication.prescriber ? t('medications.prescriber', { name: medication.prescriber }) : null,
            t('medications.started', { date: formatDay(medication.startedOn, i18n.language) }),
            medication.lastDispensedOn ? t('medications.lastDispensed', { date: formatDay(medication.lastDispensedOn, i18n.language) }) : null,
            medication.daysSupply ? t('medications.daysSupply', { count: medication.daysSupply }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {offer && medication.drugId ? (
          <Checkbox
            mt={4}
            label={t('medications.select', { name })}
            checked={checked}
            onChange={(event) => onToggle(medication.drugId!, event.currentTarget.checked)}
          />
        ) : (
          !renewal.eligible && (
            <Text size="sm" c="red.9">
              <Text span fw={600}>
                {t('medications.notRenewable')}
              </Text>
              {': '}
              {renewal.reasons.map((reason) => t(`reasons.${reason}`, { defaultValue: reason })).join(' ')}
            </Text>
          )
        )}
      </Stack>
    </Card>
  );
}
