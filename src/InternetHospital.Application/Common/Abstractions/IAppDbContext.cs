using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Audit;
using InternetHospital.Domain.Drugs;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Files;
using InternetHospital.Domain.HealthCodes;
using InternetHospital.Domain.His;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Notifications;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Payments;
using InternetHospital.Domain.Renewals;
using InternetHospital.Domain.Scheduling;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.Common.Abstractions;

/// <summary>
/// The application's view of the database. Handlers query and change entities through this;
/// there is no repository layer over EF Core (see the house style).
/// </summary>
public interface IAppDbContext
{
    DbSet<Patient> Patients { get; }
    DbSet<PatientAccess> PatientAccesses { get; }
    DbSet<FamilyInvitation> FamilyInvitations { get; }
    DbSet<Facility> Facilities { get; }
    DbSet<Department> Departments { get; }
    DbSet<Doctor> Doctors { get; }
    DbSet<StaffMembership> StaffMemberships { get; }
    DbSet<HealthCodeHolder> HealthCodeHolders { get; }
    DbSet<StaticHealthCode> StaticHealthCodes { get; }
    DbSet<HealthCodeScan> HealthCodeScans { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<AuditSeal> AuditSeals { get; }
    DbSet<HisOutboxMessage> HisOutbox { get; }
    DbSet<HisDeliveryAttempt> HisDeliveryAttempts { get; }
    DbSet<HisIdentityReview> HisIdentityReviews { get; }
    DbSet<Notification> Notifications { get; }
    DbSet<EmailMessage> EmailOutbox { get; }
    DbSet<SmsMessage> SmsOutbox { get; }
    DbSet<MobileCode> MobileCodes { get; }
    DbSet<MobileCodeLockout> MobileCodeLockouts { get; }
    DbSet<StoredFile> Files { get; }
    DbSet<StoredFileContent> FileContents { get; }
    DbSet<Payment> Payments { get; }
    DbSet<PaymentDiscrepancy> PaymentDiscrepancies { get; }
    DbSet<PaymentReconciliation> PaymentReconciliations { get; }
    DbSet<VideoVisit> VideoVisits { get; }
    DbSet<VisitInvitation> VisitInvitations { get; }
    DbSet<VisitMessage> VisitMessages { get; }
    DbSet<VisitConnection> VisitConnections { get; }
    DbSet<VisitGuest> VisitGuests { get; }
    DbSet<VisitRecording> VisitRecordings { get; }
    DbSet<VisitBroadcast> VisitBroadcasts { get; }
    DbSet<BroadcastViewer> BroadcastViewers { get; }
    DbSet<RecordingJob> RecordingJobs { get; }
    DbSet<ConsultingSession> ConsultingSessions { get; }
    DbSet<DepartmentConditions> DepartmentConditions { get; }
    DbSet<ScheduleTemplate> ScheduleTemplates { get; }
    DbSet<Slot> Slots { get; }
    DbSet<BlockedPeriod> BlockedPeriods { get; }
    DbSet<Appointment> Appointments { get; }
    DbSet<AppointmentReminder> AppointmentReminders { get; }
    DbSet<WaitlistEntry> WaitlistEntries { get; }
    DbSet<Drug> Drugs { get; }
    DbSet<DrugCodeMapping> DrugCodeMappings { get; }
    DbSet<DrugInteraction> DrugInteractions { get; }
    DbSet<RenewalRequest> RenewalRequests { get; }
    DbSet<PharmacistDuty> PharmacistDuties { get; }
    DbSet<RenewalSettings> RenewalSettings { get; }
    DbSet<FamilyDoctorTeam> FamilyTeams { get; }
    DbSet<TeamMember> FamilyTeamMembers { get; }
    DbSet<ServicePackage> ServicePackages { get; }
    DbSet<FamilyContract> FamilyContracts { get; }
    DbSet<CareProfile> CareProfiles { get; }
    DbSet<CareCondition> CareConditions { get; }
    DbSet<FollowUpPlan> FollowUpPlans { get; }
    DbSet<FollowUpTask> FollowUpTasks { get; }
    DbSet<HomeMeasurement> HomeMeasurements { get; }
    DbSet<MeasurementAlert> MeasurementAlerts { get; }
    DbSet<MessageThread> MessageThreads { get; }
    DbSet<FamilyMessage> FamilyMessages { get; }
    DbSet<MessageAttachment> FamilyMessageAttachments { get; }
    DbSet<Domain.Retention.LegalHold> LegalHolds { get; }
    DbSet<Domain.Results.LabReport> LabReports { get; }
    DbSet<Domain.Imaging.SharedStudy> SharedStudies { get; }
    DbSet<Domain.Referrals.Referral> Referrals { get; }
    DbSet<Domain.Referrals.DepartmentReferralSettings> DepartmentReferralSettings { get; }
    DbSet<Domain.Consultations.Consultation> Consultations { get; }
    DbSet<Domain.Consultations.ConsultationFeeRule> ConsultationFeeRules { get; }
    DbSet<Domain.Consultations.ConsultationConsentGrant> ConsultationConsentGrants { get; }
    DbSet<Domain.Emergency.AmbulanceService> AmbulanceServices { get; }
    DbSet<Domain.Emergency.CrewMembership> CrewMemberships { get; }
    DbSet<Domain.Emergency.ReceivingHospital> ReceivingHospitals { get; }
    DbSet<Domain.Emergency.PathwayTeamMember> PathwayTeamMembers { get; }
    DbSet<Domain.Emergency.EmergencyCase> EmergencyCases { get; }
    DbSet<Domain.Emergency.EmergencySyncItem> EmergencySyncItems { get; }
    DbSet<Domain.Emergency.EmergencyAlert> EmergencyAlerts { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
