import { Badge, Button, Card, Group, List, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { useHospitalInfo } from '@/features/appointments/api/get-hospital-info';
import {
  packageConditions,
  useAdminPackages,
  usePackageFollowUpTemplates,
  useSavePackage,
  type AdminPackage,
  type PackageInput,
} from '@/features/hospital-admin/api/family-packages';
import { AdminCardList, AdminEditor, AdminNameFields, useAdminEditing } from '@/features/hospital-admin/components/admin-catalogue';
import { formatMoney } from '@/lib/date-time';

/** The form keeps the lists as text, one item per line, as an admin types them. */
interface Draft extends Omit<PackageInput, 'includes' | 'includesEn'> {
  code: string;
  includes: string;
  includesEn: string;
}

const emptyDraft: Draft = {
  code: '',
  name: '',
  nameEn: '',
  description: '',
  descriptionEn: '',
  includes: '',
  includesEn: '',
  annualFee: 0,
  conditionCode: null,
  followUpTemplateCode: null,
  displayOrder: 100,
};

const toDraft = (p: AdminPackage): Draft => ({
  code: p.code,
  name: p.name,
  nameEn: p.nameEn,
  description: p.description,
  descriptionEn: p.descriptionEn,
  includes: p.includes.join('\n'),
  includesEn: p.includesEn.join('\n'),
  annualFee: p.annualFee,
  conditionCode: p.conditionCode,
  followUpTemplateCode: p.followUpTemplateCode,
  displayOrder: p.displayOrder,
  version: p.version,
});

const packageFields = ['code', 'name', 'nameEn', 'description', 'descriptionEn', 'includes', 'includesEn', 'annualFee', 'conditionCode', 'followUpTemplateCode', 'displayOrder'] as const;

const lines = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);

const toInput = ({ code: _code, includes, includesEn, ...rest }: Draft): PackageInput => ({ ...rest, includes: lines(includes), includesEn: lines(includesEn) });

function PackageCard({ item, currency, onEdit }: { item: AdminPackage; currency: string | undefined; onEdit: () => void }): ReactNode {
  const { t, i18n } = useTranslation(['hospitalAdmin', 'family']);
  const zh = i18n.language === 'zh-CN';
  const name = zh ? item.name : item.nameEn;
  return (
    <Card withBorder padding="md" component="article" aria-label={name}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4">
            {name}
          </Title>
          {item.conditionCode && (
            <Badge variant="outline" color="gray" c="dark.8">
              {t(`family:conditions.${item.conditionCode}`)}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {item.code} · {currency ? t('familyPackages.feePerYear', { fee: formatMoney(item.annualFee, currency, i18n.language) }) : null}
        </Text>
        {(zh ? item.description : item.descriptionEn) && <Text size="sm">{zh ? item.description : item.descriptionEn}</Text>}
        <List size="sm">
          {(zh ? item.includes : item.includesEn).map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button size="sm" variant="light" onClick={onEdit} aria-label={t('familyPackages.editNamed', { name })}>
            {t('familyPackages.edit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Admin: the family-doctor service packages (服务包) patients choose from when they sign, and a form to add or change one. */
export default function FamilyPackagesRoute(): ReactNode {
  const { t, i18n } = useTranslation(['hospitalAdmin', 'family']);
  const zh = i18n.language === 'zh-CN';
  const packages = useAdminPackages();
  const templates = usePackageFollowUpTemplates();
  const hospital = useHospitalInfo();
  const save = useSavePackage();
  const editor = useAdminEditing(emptyDraft, save, packageFields, { within: 'package', codeFields: { duplicate_package_code: 'code' } });
  const { editing, draft, setDraft, errorOf, text, onError, edit, saved } = editor;
  const complete = draft.name && draft.nameEn && lines(draft.includes).length > 0 && lines(draft.includesEn).length > 0 && (editing || draft.code);

  return (
    <Page title={t('familyPackages.title')} description={<Text>{t('familyPackages.intro')}</Text>}>
      <AdminCardList query={packages} none={t('familyPackages.none')}>
        {(item) => (
          <PackageCard
            key={item.id}
            item={item}
            currency={hospital.data?.currency}
            onEdit={() => edit(item.id, toDraft(item))}
          />
        )}
      </AdminCardList>
      <AdminEditor
        id="family-package-form"
        catalogue="familyPackages"
        editor={editor}
        saving={save.isPending}
        canSave={Boolean(complete)}
        onSave={() => save.mutate({ packageId: editing ?? undefined, code: editing ? undefined : draft.code.trim(), package: toInput(draft) }, { onSuccess: saved, onError })}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {!editing && (
            <TextInput
              label={t('familyPackages.code')}
              description={t('familyPackages.codeHint')}
              required
              {...text('code')}
            />
          )}
          <NumberInput
            label={t('familyPackages.fee', { currency: hospital.data?.currency ?? '' })}
            min={0}
            max={100_000}
            decimalScale={2}
            value={draft.annualFee}
            error={errorOf('annualFee')}
            onChange={(v) => setDraft({ ...draft, annualFee: Number(v) || 0 })}
          />
          <AdminNameFields catalogue="familyPackages" text={text} />
          <Textarea
            label={t('familyPackages.includes')}
            description={t('familyPackages.includesHint')}
            required
            autosize
            minRows={3}
            {...text('includes')}
          />
          <Textarea
            label={t('familyPackages.includesEn')}
            description={t('familyPackages.includesHint')}
            required
            autosize
            minRows={3}
            {...text('includesEn')}
          />
          <Select
            label={t('familyPackages.condition')}
            clearable
            value={draft.conditionCode}
            error={errorOf('conditionCode')}
            onChange={(v) => setDraft({ ...draft, conditionCode: v })}
            data={packageConditions.map((code) => ({ value: code, label: t(`family:conditions.${code}`) }))}
          />
          <Select
            label={t('familyPackages.followUp')}
            description={t('familyPackages.followUpHint')}
            clearable
            value={draft.followUpTemplateCode}
            error={errorOf('followUpTemplateCode')}
            onChange={(v) => setDraft({ ...draft, followUpTemplateCode: v })}
            data={(templates.data ?? []).map((tpl) => ({ value: tpl.code, label: zh ? tpl.title : tpl.titleEn }))}
          />
          <NumberInput
            label={t('familyPackages.order')}
            description={t('familyPackages.orderHint')}
            min={0}
            max={1000}
            allowDecimal={false}
            value={draft.displayOrder}
            error={errorOf('displayOrder')}
            onChange={(v) => setDraft({ ...draft, displayOrder: Number(v) || 0 })}
          />
        </SimpleGrid>
      </AdminEditor>
    </Page>
  );
}
