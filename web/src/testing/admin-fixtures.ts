/** A doctor as GET /api/admin/doctors answers (李伟, cardiology, video, no family practice); override what a test is about. */
export function adminDoctor(overrides: { id?: string; fullName?: string; isFamilyDoctor?: boolean; hasSchedule?: boolean } = {}): object {
  const { id = 'doc-1', fullName = '李伟', isFamilyDoctor = false, hasSchedule = false } = overrides;
  return {
    id,
    department: { id: 'dep-1', name: '心血管内科', nameEn: 'Cardiology' },
    profile: {
      fullName, departmentId: 'dep-1', title: '主任医师', titleEn: 'Chief Physician', isFamilyDoctor, specialties: '', specialtiesEn: '', bio: '', bioEn: '',
      languages: ['zh-CN'], inPersonFee: 50, videoFee: 40, licenseNumber: '110440100012345', practiceSinceYear: 1998, offersVideoVisits: true,
    },
    eligibleForOnlinePractice: true,
    hasPhoto: false,
    hasSchedule,
  };
}
