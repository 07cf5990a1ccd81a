/** API answers of the family-doctor feature, for tests. Times are fixed UTC instants. */

export const team = {
  id: 'team-1',
  name: '东湖社区陈静家庭医生团队',
  nameEn: 'Donghu family-doctor team of Dr Chen Jing',
  description: '全科医生与社区护士组成的团队。',
  descriptionEn: 'General practitioners and community nurses.',
  facility: '东湖社区卫生服务中心',
  facilityEn: 'Donghu Community Health Centre',
  acceptingApplications: true,
  members: [
    { doctorId: 'doc-1', name: '陈静', title: '主治医师', titleEn: 'Attending Physician', role: 'Lead' },
    { doctorId: 'doc-2', name: '刘洋', title: '住院医师', titleEn: 'Resident Physician', role: 'Member' },
  ],
  packageIds: ['pkg-basic', 'pkg-htn'],
};

export const packages = [
  {
    id: 'pkg-basic',
    code: 'basic',
    name: '基础服务包',
    nameEn: 'Basic package',
    description: '国家基本公共卫生服务。',
    descriptionEn: 'National basic public health services.',
    includes: ['每年一次健康评估'],
    includesEn: ['A health review every year'],
    annualFee: 0,
    conditionCode: null,
  },
  {
    id: 'pkg-htn',
    code: 'hypertension',
    name: '高血压管理包',
    nameEn: 'Hypertension management',
    description: '每三个月随访一次。',
    descriptionEn: 'A review every three months.',
    includes: ['每三个月一次血压随访'],
    includesEn: ['A blood-pressure review every three months'],
    annualFee: 120,
    conditionCode: 'hypertension',
  },
];

export const catalogue = { teams: [team], packages, currency: 'CNY' };

export function contract(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'contract-1',
    patientId: 'pat-1',
    status: 'Active',
    team: { id: team.id, name: team.name, nameEn: team.nameEn },
    package: { id: 'pkg-htn', code: 'hypertension', name: '高血压管理包', nameEn: 'Hypertension management' },
    appliedAt: '2026-01-02T02:00:00+00:00',
    applicationNote: null,
    decidedAt: '2026-01-03T02:00:00+00:00',
    declineReason: null,
    startsAt: '2026-01-03T02:00:00+00:00',
    endsAt: '2027-01-03T02:00:00+00:00',
    terms: 1,
    inForce: true,
    renewalOpensAt: '2026-12-04T02:00:00+00:00',
    canRequestRenewal: false,
    renewalRequestedAt: null,
    endedAt: null,
    endedBy: null,
    endReason: null,
    history: [
      { type: 'applied', at: '2026-01-02T02:00:00+00:00', party: 'Patient', reason: null },
      { type: 'accepted', at: '2026-01-03T02:00:00+00:00', party: 'Team', reason: null },
    ],
    ...overrides,
  };
}

export const targets = {
  systolic: { min: 90, max: 139 },
  diastolic: { min: 60, max: 89 },
  heartRate: { min: 60, max: 100 },
  fastingGlucose: { min: 4.4, max: 7 },
  afterMealGlucose: { min: 4.4, max: 10 },
  crisisSystolic: 180,
  crisisDiastolic: 110,
  dangerouslyLowGlucose: 3,
  dangerouslyHighGlucose: 16.7,
};

export function reading(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'm-1',
    kind: 'BloodPressure',
    systolic: 128,
    diastolic: 82,
    heartRate: 72,
    glucose: null,
    glucoseTiming: null,
    weightKg: null,
    measuredAt: '2026-11-20T00:30:00+00:00',
    flag: 'Normal',
    findings: [],
    note: null,
    ...overrides,
  };
}

export function thread(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'thread-1',
    patientId: 'pat-1',
    patientName: '王丽华',
    team: { id: team.id, name: team.name, nameEn: team.nameEn },
    subject: 'Dizzy in the morning',
    startedAt: '2026-11-20T01:00:00+00:00',
    lastMessageAt: '2026-11-20T02:00:00+00:00',
    open: true,
    unread: 1,
    lastMessage: { side: 'Team', senderName: '陈静', excerpt: 'Please measure twice a day.', attachments: 0, sentAt: '2026-11-20T02:00:00+00:00' },
    ...overrides,
  };
}

export function message(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'msg-1',
    side: 'Patient',
    senderName: 'Li Lei',
    mine: true,
    body: 'I feel dizzy every morning.',
    sentAt: '2026-11-20T01:00:00+00:00',
    readAt: '2026-11-20T01:30:00+00:00',
    attachments: [],
    ...overrides,
  };
}

export function threadDetail(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'thread-1',
    patientId: 'pat-1',
    patientName: '王丽华',
    team: { id: team.id, name: team.name, nameEn: team.nameEn },
    subject: 'Dizzy in the morning',
    mySide: 'Patient',
    open: true,
    messages: [
      message(),
      message({ id: 'msg-2', side: 'Team', senderName: '陈静', mine: false, body: 'Please measure twice a day.', sentAt: '2026-11-20T02:00:00+00:00', readAt: null }),
    ],
    ...overrides,
  };
}

export function panelPatient(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    patientId: 'pat-9',
    contractId: 'contract-9',
    name: '刘建华',
    sex: 'Male',
    age: 74,
    maskedIdNumber: '3301**********1830',
    risk: 'High',
    conditions: ['hypertension'],
    nextFollowUpOn: '2026-11-10',
    followUpOverdue: true,
    lastReadingAt: '2026-11-20T00:30:00+00:00',
    abnormalRecentReadings: true,
    openAlerts: 1,
    unreadMessages: 2,
    pendingRenewalRequests: 0,
    signedAt: '2026-01-03T02:00:00+00:00',
    endsAt: '2027-01-03T02:00:00+00:00',
    contractRenewalRequested: false,
    ...overrides,
  };
}

export function alert(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'alert-1',
    patientId: 'pat-9',
    patientName: '刘建华',
    reading: reading({ systolic: 186, diastolic: 112, heartRate: 96, flag: 'Dangerous', findings: ['bp_crisis'] }),
    raisedAt: '2026-11-20T00:31:00+00:00',
    ...overrides,
  };
}

export const application = {
  contractId: 'contract-20',
  kind: 'NewContract',
  patientId: 'pat-20',
  patientName: '郑海峰',
  sex: 'Male',
  age: 51,
  maskedIdNumber: '3301**********6124',
  team: { id: team.id, name: team.name, nameEn: team.nameEn },
  package: { id: 'pkg-htn', code: 'hypertension', name: '高血压管理包', nameEn: 'Hypertension management' },
  requestedAt: '2026-11-19T02:00:00+00:00',
  note: 'My blood pressure is unstable.',
  endsAt: null,
};

export const overview = {
  inTeam: true,
  signedPatients: 5,
  patientsWithAlerts: 1,
  pendingApplications: 1,
  patientsWithUnreadMessages: 2,
  patientsWithOverdueFollowUp: 1,
};

function his(items: unknown[]): Record<string, unknown> {
  return { state: 'Available', items, asOf: '2026-11-20T01:00:00+00:00', isStale: false };
}

export function summary(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    patient: {
      id: 'pat-9',
      name: '刘建华',
      sex: 'Male',
      dateOfBirth: '1952-04-15',
      age: 74,
      maskedIdNumber: '3301**********1830',
      maskedMobile: '139****1001',
      linkedToHis: true,
    },
    risk: 'High',
    conditions: ['hypertension'],
    pendingRenewalRequests: 0,
    diagnoses: his([{ icd10Code: 'I10', description: 'Essential hypertension', diagnosedOn: '2026-09-01', inPerson: true, departmentCode: 'CARD', practitioner: '李伟' }]),
    allergies: his([{ substance: 'Penicillin', reaction: 'Rash', severity: 'moderate', recordedOn: null }]),
    medications: his([
      {
        drugCode: 'C08CA01',
        drugName: 'Amlodipine',
        strength: '5 mg',
        dose: '5 mg',
        frequency: 'qd',
        route: 'oral',
        prescriber: '李伟',
        startedOn: '2024-01-01',
        lastDispensedOn: null,
        daysSupply: 28,
        active: true,
      },
    ]),
    encounters: his([{ encounterId: 'E-1', start: '2026-09-01T01:30:00+00:00', kind: 'outpatient', departmentCode: 'CARD', practitioner: '李伟', summary: 'Hypertension review' }]),
    readings: { items: [reading(), reading({ id: 'm-2', systolic: 186, diastolic: 112, flag: 'Dangerous', findings: ['bp_crisis'], measuredAt: '2026-11-21T00:30:00+00:00' })], targets },
    openAlerts: [{ id: 'alert-1', measurementId: 'm-2', raisedAt: '2026-11-21T00:31:00+00:00' }],
    followUpPlans: [
      {
        id: 'plan-1',
        templateCode: 'hypertension-bp-review',
        title: '高血压随访：血压复查',
        titleEn: 'Hypertension: blood pressure review',
        intervalMonths: 3,
        startedAt: '2026-01-03T02:00:00+00:00',
        stoppedAt: null,
        tasks: [
          {
            id: 'task-1',
            planId: 'plan-1',
            title: '高血压随访：血压复查',
            titleEn: 'Hypertension: blood pressure review',
            dueOn: '2026-11-10',
            status: 'Due',
            overdue: true,
            completedAt: null,
            note: null,
            appointmentId: null,
            appointmentStartsAt: null,
          },
        ],
      },
    ],
    contract: contract({ patientId: 'pat-9' }),
    pastContracts: [],
    ...overrides,
  };
}
