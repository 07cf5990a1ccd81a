import { Alert, Button, Checkbox, Group, NativeSelect, Stack } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/lib/problem-message';
import { useAssessPatient } from '../api/assess-patient';
import { chronicConditions, riskLevels, type RiskLevel } from '../api/get-panel';

export interface AssessmentFormProps {
  patientId: string;
  risk: RiskLevel;
  conditions: string[];
  onDone: () => void;
}

/** The team's assessment: risk level and the chronic conditions the panel files the patient under. */
export function AssessmentForm({ patientId, risk, conditions, onDone }: AssessmentFormProps): ReactNode {
  const { t } = useTranslation('family');
  const assess = useAssessPatient();
  const [level, setLevel] = useState<RiskLevel>(risk);
  const [selected, setSelected] = useState<string[]>(conditions);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    assess.mutate({ patientId, risk: level, conditions: selected }, { onSuccess: onDone });
  };

  return (
    <form noValidate onSubmit={submit} aria-label={t('summary.assessLabel')}>
      <Stack gap="sm">
        {assess.error ? (
          <Alert color="red" role="alert">
            {problemMessage(assess.error, t)}
          </Alert>
        ) : null}
        <NativeSelect label={t('panel.risk')} value={level} data={riskLevels.map((value) => ({ value, label: t(`risk.${value}`) }))} onChange={(event) => setLevel(event.currentTarget.value as RiskLevel)} />
        <Checkbox.Group label={t('summary.conditions')} value={selected} onChange={setSelected}>
          <Stack gap={4} mt={4}>
            {chronicConditions.map((code) => (
              <Checkbox key={code} value={code} label={t(`conditions.${code}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group gap="sm">
          <Button type="submit" loading={assess.isPending}>
            {t('summary.saveAssessment')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
