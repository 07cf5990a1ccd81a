import { Alert, Anchor, Button, Card, FileInput, Progress, Select, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { useUploadStudy } from '../api/upload-study';

export interface AppointmentChoice {
  value: string;
  label: string;
}

/**
 * The patient shares a study from another hospital (a zip of DICOM files, a zipped CD or one .dcm) for a consultation.
 * The server checks that the files are DICOM and the patient's; its problems (imaging_not_dicom, imaging_too_large,
 * imaging_patient_mismatch, ...) are shown in the reader's language.
 */
export function UploadStudy({ patientId, appointments, imagingLink }: { patientId: string; appointments: AppointmentChoice[]; imagingLink: string }): ReactNode {
  const { t } = useTranslation('imaging');
  const upload = useUploadStudy(patientId);
  const [file, setFile] = useState<File | null>(null);
  const [appointmentId, setAppointmentId] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);

  const submit = (): void => {
    if (!file) return;
    setProgress(0);
    upload.mutate({ file, appointmentId, onProgress: setProgress });
  };

  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Text size="sm">{t('upload.help')}</Text>
        <FileInput
          label={t('upload.file')}
          placeholder={t('upload.filePlaceholder')}
          accept=".zip,.dcm,application/zip,application/dicom"
          value={file}
          onChange={(next) => {
            setFile(next);
            upload.reset();
          }}
          clearable
          leftSection={<IconUpload size={16} aria-hidden="true" />}
        />
        {appointments.length > 0 && (
          <Select
            label={t('upload.appointment')}
            placeholder={t('upload.appointmentNone')}
            data={appointments}
            value={appointmentId}
            onChange={setAppointmentId}
            clearable
          />
        )}
        <Button w="fit-content" onClick={submit} disabled={!file || upload.isPending} loading={upload.isPending}>
          {t('upload.submit')}
        </Button>
        {upload.isPending && (
          <Stack gap={4}>
            <Progress value={Math.round(progress * 100)} aria-label={t('upload.progress', { percent: Math.round(progress * 100) })} />
            <Text size="sm" role="status">
              {t('upload.progress', { percent: Math.round(progress * 100) })}
            </Text>
          </Stack>
        )}
        {upload.error && <ProblemAlert error={upload.error} />}
        {upload.data && (
          <Alert color="green" role="status">
            <Stack gap={4}>
              <Text size="sm">
                {upload.data.duplicates > 0
                  ? t('upload.doneDuplicates', { stored: upload.data.stored, duplicates: upload.data.duplicates })
                  : t('upload.done', { stored: upload.data.stored })}
                {upload.data.description ? ` (${upload.data.description})` : ''}
              </Text>
              <Anchor component={Link} to={imagingLink} size="sm">
                {t('upload.view')}
              </Anchor>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
