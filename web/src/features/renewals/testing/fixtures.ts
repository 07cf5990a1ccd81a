/** API answers for renewal screens in tests (shapes as the server sends them). */

export const PATIENT_ID = 'pat-1';
export const RENEWAL_ID = 'ren-1';
export const AMLODIPINE = 'drug-amlodipine';
export const ALPRAZOLAM = 'drug-alprazolam';

const medication = (overrides: Record<string, unknown>): Record<string, unknown> => ({
  source: 'His',
  code: 'C08CA01-5',
  drugId: AMLODIPINE,
  name: '氨氯地平',
  nameEn: 'Amlodipine',
  strength: '5 mg',
  dose: '5 mg',
  frequency: 'qd',
  route: 'oral',
  prescriber: '李伟',
  startedOn: '2024-11-27',
  lastDispensedOn: '2026-11-02',
  daysSupply: 28,
  active: true,
  atcCode: 'C08CA01',
  specialControl: false,
  ...overrides,
});

const eligible = (drugId: string): Record<string, unknown> => ({
  eligible: true,
  reasons: [],
  drugId,
  maxDaysSupply: 84,
  defaultDaysSupply: 28,
  controlCategory: 'Ordinary',
  daysSupply: 28,
});

export const medicationsView = {
  patientId: PATIENT_ID,
  hisLinked: true,
  hisAsOf: '2026-11-27T08:00:00+00:00',
  hisStale: false,
  medications: [
    { medication: medication({}), renewal: eligible(AMLODIPINE) },
    {
      medication: medication({ code: 'N05BA12-0.4', drugId: ALPRAZOLAM, name: '阿普唑仑', nameEn: 'Alprazolam', strength: '0.4 mg', dose: '0.4 mg', frequency: 'qn', prescriber: '徐静', atcCode: 'N05BA12', specialControl: true }),
      renewal: { ...eligible(ALPRAZOLAM), eligible: false, reasons: ['special_control_drug'], controlCategory: 'Psychotropic', maxDaysSupply: 7, defaultDaysSupply: 7 },
    },
    {
      medication: medication({ code: 'A02BC01-20', drugId: 'drug-omeprazole', name: '奥美拉唑', nameEn: 'Omeprazole', strength: '20 mg', dose: '20 mg', active: false }),
      renewal: eligible('drug-omeprazole'),
    },
  ],
  allergies: [{ substance: '青霉素 Penicillin', reaction: '皮疹 Rash', severity: 'moderate', recordedOn: '2016-11-27' }],
};

export const summary = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: RENEWAL_ID,
  reference: 'AB12CD34',
  patientId: PATIENT_ID,
  patientName: '张伟',
  status: 'Submitted',
  submittedAt: '2026-11-27T08:00:00+00:00',
  updatedAt: '2026-11-27T08:00:00+00:00',
  fulfilment: 'Pickup',
  isFlagged: false,
  awaitsPayment: false,
  readyToCollect: false,
  items: [{ drugName: '氨氯地平', drugNameEn: 'Amlodipine', strength: '5 mg', daysSupply: 28 }],
  routingReason: null,
  ...overrides,
});

export const item = {
  id: 'item-1',
  drugId: AMLODIPINE,
  drugCode: 'C08CA01-5',
  drugName: '氨氯地平',
  drugNameEn: 'Amlodipine',
  strength: '5 mg',
  doseAmount: 5,
  doseUnit: 'mg',
  frequency: 'qd',
  route: 'oral',
  daysSupply: 28,
  source: 'His',
  sourcePrescriber: '李伟',
  lastDispensedOn: '2026-11-02',
};

export const prescription = {
  id: 'rx-1',
  number: 1,
  doctorId: 'doc-li',
  doctorName: '李伟',
  signedAt: '2026-11-27T09:00:00+00:00',
  contentHash: 'a'.repeat(64),
  intact: true,
  superseded: false,
  note: null,
  lines: [{ itemId: 'item-1', drugId: AMLODIPINE, drugCode: 'C08CA01-5', drugName: '氨氯地平', drugNameEn: 'Amlodipine', strength: '5 mg', doseAmount: 5, doseUnit: 'mg', frequency: 'qd', route: 'oral', daysSupply: 28, quantity: 28 }],
};

const answers = { newSymptoms: false, sideEffects: true, hospitalStay: false, pregnancy: false, details: 'Ankles swell a little' };

export const patientRenewal = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: RENEWAL_ID,
  reference: 'AB12CD34',
  patientId: PATIENT_ID,
  status: 'Submitted',
  submittedAt: '2026-11-27T08:00:00+00:00',
  updatedAt: '2026-11-27T08:00:00+00:00',
  fulfilment: 'Pickup',
  answers,
  flags: ['side_effects'],
  items: [item],
  prescription: null,
  doctorReason: null,
  visitDoctorId: null,
  feeDue: 0,
  currency: 'CNY',
  paymentId: null,
  paidAt: null,
  awaitsPayment: false,
  canCancel: true,
  readyToCollect: false,
  pickupCode: null,
  delivery: null,
  history: [{ sequence: 1, at: '2026-11-27T08:00:00+00:00', status: 'Submitted', note: null }],
  ...overrides,
});

const patient = { id: PATIENT_ID, name: '张伟', age: 61, sex: 'Male', maskedIdNumber: '4401**********1234' };
const limits = { maxDaysSupply: 84, minDailyDose: 2.5, maxDailyDose: 10, doseUnit: 'mg', strengthValue: 5, form: '片', formEn: 'tablet' };

export const doctorRenewal = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: RENEWAL_ID,
  reference: 'AB12CD34',
  patient,
  status: 'Submitted',
  submittedAt: '2026-11-27T08:00:00+00:00',
  fulfilment: 'Pickup',
  answers,
  flags: ['side_effects'],
  routedBecause: 'OriginalPrescriber',
  canDecide: true,
  items: [{ item, limits }],
  prescriptions: [],
  pharmacistReason: null,
  reviews: [],
  doctorReason: null,
  medications: medicationsView.medications.map((m) => m.medication),
  diagnoses: [{ icd10Code: 'I10', description: '原发性高血压 Essential (primary) hypertension', diagnosedOn: '2026-09-27', inPerson: true, practitioner: '李伟' }],
  allergies: medicationsView.allergies,
  hisAsOf: '2026-11-27T08:00:00+00:00',
  hisStale: false,
  history: [{ sequence: 1, at: '2026-11-27T08:00:00+00:00', status: 'Submitted', note: null }],
  ...overrides,
});

export const severeInteraction = {
  kind: 'Interaction',
  severity: 'Severe',
  drugCode: 'C08CA01-5',
  drugName: '氨氯地平',
  drugNameEn: 'Amlodipine',
  otherName: '克拉霉素',
  otherNameEn: 'Clarithromycin',
  parameters: { interactionSeverity: 'Major', source: 'his' },
  advice: '克拉霉素抑制CYP3A4，升高氨氯地平浓度。',
  adviceEn: 'Clarithromycin inhibits CYP3A4 and raises amlodipine levels.',
};

export const pharmacistRenewal = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: RENEWAL_ID,
  reference: 'AB12CD34',
  patient,
  status: 'DoctorApproved',
  submittedAt: '2026-11-27T08:00:00+00:00',
  fulfilment: 'Pickup',
  delivery: null,
  answers,
  flags: ['side_effects'],
  prescription,
  findings: [severeInteraction],
  needsJustification: true,
  allergies: medicationsView.allergies,
  otherMedications: [medication({ code: 'J01FA09-250', drugId: 'drug-clarithromycin', name: '克拉霉素', nameEn: 'Clarithromycin', strength: '250 mg', dose: '500 mg', frequency: 'bid', prescriber: '吴刚' })],
  reviews: [],
  feeDue: 0,
  currency: 'CNY',
  awaitsPayment: false,
  readyToDispense: false,
  history: [],
  ...overrides,
});

export const decision = (status: string): Record<string, unknown> => ({ id: RENEWAL_ID, reference: 'AB12CD34', status, feeDue: 0, awaitsPayment: false, readyToDispense: status === 'PharmacistApproved' });
