import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, problemResponse, renderApp } from '@/testing/test-utils';

const PATIENT_ID = 'patient-1';
const me = { patients: [{ id: PATIENT_ID, name: '张伟', relationship: 'Self' as const }] };

const list = {
  patientId: PATIENT_ID,
  hisLinked: true,
  hisStale: false,
  items: [
    { id: 'r2', name: '血脂四项', nameZh: '血脂四项', nameEn: 'Lipid panel', issuedAt: '2026-11-20T02:00:00Z', status: 'final', orderingDoctorName: '李伟', valueCount: 4, abnormalCount: 2, hasCritical: false },
    { id: 'r1', name: '某项自定义检查', nameZh: null, nameEn: null, issuedAt: '2026-06-01T02:00:00Z', status: 'final', orderingDoctorName: null, valueCount: 1, abnormalCount: 0, hasCritical: true },
  ],
};

const value = (over: Record<string, unknown>): Record<string, unknown> => ({
  code: 'X', loinc: null, name: 'x', nameZh: null, nameEn: null, noteZh: null, noteEn: null, value: null, valueText: null, unit: null,
  low: null, high: null, rangeText: null, flag: 'Normal', trendKey: null, ...over,
});

const detail = {
  id: 'r2',
  patientId: PATIENT_ID,
  name: '血脂四项',
  nameZh: '血脂四项',
  nameEn: 'Lipid panel',
  issuedAt: '2026-11-20T02:00:00Z',
  status: 'final',
  orderingDoctorName: '李伟',
  hasCritical: true,
  values: [
    value({ code: 'LDL-C', loinc: '13457-7', name: '低密度脂蛋白胆固醇', nameZh: '低密度脂蛋白胆固醇', nameEn: 'LDL cholesterol', noteZh: '俗称“坏胆固醇”', noteEn: 'The "bad" cholesterol', value: 4.35, unit: 'mmol/L', high: 3.4, flag: 'High', trendKey: '13457-7' }),
    value({ code: 'K', loinc: '2823-3', name: '钾', nameZh: '钾', nameEn: 'Potassium', value: 6.9, unit: 'mmol/L', low: 3.5, high: 5.3, flag: 'CriticalHigh', trendKey: '2823-3' }),
    value({ code: 'ODD', name: '某项自定义检查', valueText: '弱阳性', flag: 'Abnormal' }),
  ],
};

const trend = {
  code: '13457-7', name: '低密度脂蛋白胆固醇', nameZh: '低密度脂蛋白胆固醇', nameEn: 'LDL cholesterol', noteZh: null, noteEn: 'The "bad" cholesterol', unit: 'mmol/L', low: null, high: 3.4,
  points: [
    { reportId: 'r0', at: '2025-11-01T02:00:00Z', value: 4.4, unit: 'mmol/L', flag: 'High' },
    { reportId: 'r2', at: '2026-11-20T02:00:00Z', value: 3.0, unit: 'mmol/L', flag: 'Normal' },
  ],
};

const api = {
  [`GET /api/patients/${PATIENT_ID}/results`]: list,
  [`GET /api/patients/${PATIENT_ID}/results/r2`]: detail,
  [`GET /api/patients/${PATIENT_ID}/results/trend`]: trend,
};

describe('Test results (patient)', () => {
  it('lists reports by the catalogue name, or the hospital name when unknown, with how many values are outside the range', async () => {
    await renderApp({ route: '/results', roles: ['Patient'], me, api });
    await findPageHeading('Test results');

    expect(await screen.findByRole('link', { name: 'Lipid panel' })).toHaveAttribute('href', '/results/r2');
    expect(screen.getByText('2 of 4 values outside the range')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '某项自定义检查' })).toBeInTheDocument();
    expect(screen.getByText('Needs attention')).toBeInTheDocument();
  });

  it('downloads my record as a FHIR file, and says when it was asked for too often', async () => {
    const app = await renderApp({
      route: '/results',
      roles: ['Patient'],
      me,
      api: { ...api, [`GET /api/patients/${PATIENT_ID}/record.fhir.json`]: () => problemResponse(429, { code: 'rate_limited', retryAfterSeconds: 60 }) },
    });
    await app.user.click(await screen.findByRole('button', { name: 'Download my record (FHIR)' }));
    expect(await within(screen.getByRole('region', { name: 'My record' })).findByRole('alert')).toBeInTheDocument();
    expect(app.requests.some((r) => r.path === `/api/patients/${PATIENT_ID}/record.fhir.json`)).toBe(true);
  });

  it('downloads my record as a PDF in the app language from the same card', async () => {
    const app = await renderApp({
      route: '/results',
      roles: ['Patient'],
      me,
      api: { ...api, [`GET /api/patients/${PATIENT_ID}/record.pdf`]: () => problemResponse(429, { code: 'rate_limited', retryAfterSeconds: 60 }) },
    });
    await app.user.click(await screen.findByRole('button', { name: 'Download my record (PDF)' }));
    expect(await within(screen.getByRole('region', { name: 'My record' })).findByRole('alert')).toBeInTheDocument();
    expect(app.requests.some((r) => r.path === `/api/patients/${PATIENT_ID}/record.pdf`)).toBe(true);
    expect(app.requests.some((r) => r.path === `/api/patients/${PATIENT_ID}/record.fhir.json`)).toBe(false);
  });

  it('shows each value with its unit, range, flag in words and the plain-language note, and warns of a critical value', async () => {
    await renderApp({ route: '/results/r2', roles: ['Patient'], me, api });
    await findPageHeading('Test report');

    const ldl = await screen.findByRole('listitem', { name: 'LDL cholesterol' });
    expect(within(ldl).getByText('High ↑')).toBeInTheDocument();
    expect(within(ldl).getByText('Reference range: < 3.4 mmol/L')).toBeInTheDocument();
    expect(within(ldl).getByText('The "bad" cholesterol')).toBeInTheDocument();
    expect(within(ldl).getByRole('link', { name: 'See the trend of LDL cholesterol' })).toHaveAttribute('href', '/results/trend/13457-7');
    expect(within(screen.getByRole('listitem', { name: 'Potassium' })).getByText('Critically high ↑↑')).toBeInTheDocument();
    expect(within(screen.getByRole('listitem', { name: '某项自定义检查' })).getByText('弱阳性')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Please contact the hospital');
  });

  it('draws the trend and lists every value in a table, newest first', async () => {
    await renderApp({ route: '/results/trend/13457-7', roles: ['Patient'], me, api });
    await findPageHeading('Trend');

    expect(await screen.findByTestId('trend-chart')).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: 'Values of LDL cholesterol' })).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('3 mmol/L');
    expect(rows[2]).toHaveTextContent('4.4 mmol/L');
    expect(within(rows[2]!).getByText('High ↑')).toBeInTheDocument();
  });

  it('speaks Chinese', async () => {
    await renderApp({ route: '/results/r2', roles: ['Patient'], me, api, language: 'zh-CN' });
    await findPageHeading('检验报告');
    const ldl = await screen.findByRole('listitem', { name: '低密度脂蛋白胆固醇' });
    expect(within(ldl).getByText('偏高 ↑')).toBeInTheDocument();
    expect(within(ldl).getByText('俗称“坏胆固醇”')).toBeInTheDocument();
  });
});
