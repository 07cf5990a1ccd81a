import { Alert, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/lib/problem-message';
import { useMyContracts } from '../api/get-my-contracts';
import { ContractCard, PastContract } from './contract-card';
import { TeamChooser } from './team-chooser';

/** The patient's family-doctor page: their contract, or the teams to sign with, and the history. */
export function FamilyDoctorHome({ patientId }: { patientId: string }): ReactNode {
  const { t } = useTranslation('family');
  const contracts = useMyContracts(patientId);

  if (contracts.isPending) return <Text>{t('loading')}</Text>;
  if (contracts.isError) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(contracts.error, t)}
      </Alert>
    );
  }

  const { current, history } = contracts.data;
  return (
    <Stack gap="xl">
      {current ? <ContractCard contract={current} /> : <TeamChooser patientId={patientId} />}
      {history.length > 0 ? (
        <Stack gap="sm" component="section" aria-labelledby="contract-history">
          <Title order={2} size="h3" id="contract-history">
            {t('contract.history')}
          </Title>
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {history.map((contract) => (
              <PastContract key={contract.id} contract={contract} />
            ))}
          </Stack>
        </Stack>
      ) : null}
    </Stack>
  );
}
