using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Audit;
using InternetHospital.Domain.Drugs;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Files;
using InternetHospital.Domain.HealthCodes;
using InternetHospital.Domain.His;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Notifications;
using InternetHospital.Domain.Payments;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.VideoVisits;
using InternetHospital.Domain.Scheduling;
using InternetHospital.Domain.Renewals;
using InternetHospital.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Infrastructure.Persistence;

/// <summary>
/// The one database: domain tables, Identity, OpenIddict and Data Protection keys. Each provider has its own
/// subclass (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>) so that each keeps its own migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options), IAppDbContext, IDataProtectionKeyContext
{
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<PatientAccess> PatientAccesses => Set<PatientAccess>();
    public DbSet<FamilyInvitation> FamilyInvitations => Set<FamilyInvitation>();
    public DbSet<Facility> Facilities => Set<Facility>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Doctor> Doctors => Set<Doctor>();
    public DbSet<StaffMembership> StaffMemberships => Set<StaffMembership>();
    public DbSet<HealthCodeHolder> HealthCodeHolders => Set<HealthCodeHolder>();
    public DbSet<StaticHealthCode> StaticHealthCodes => Set<StaticHealthCode>();
    public DbSet<HealthCodeScan> HealthCodeScans => Set<HealthCodeScan>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditSeal> AuditSeals => Set<AuditSeal>();
    public DbSet<HisOutboxMessage> HisOutbox => Set<HisOutboxMessage>();
    public DbSet<HisDeliveryAttempt> HisDeliveryAttempts => Set<HisDeliveryAttempt>();
    public DbSet<HisIdentityReview> HisIdentityReviews => Set<HisIdentityReview>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<EmailMessage> EmailOutbox => Set<EmailMessage>();
    public DbSet<SmsMessage> SmsOutbox => Set<SmsMessage>();
    public DbSet<MobileCode> MobileCodes => Set<MobileCode>();
    public DbSet<MobileCodeLockout> MobileCodeLockouts => Set<MobileCodeLockout>();
    public DbSet<StoredFile> Files => Set<StoredFile>();
    public DbSet<StoredFileContent> FileContents => Set<StoredFileContent>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PaymentDiscrepancy> PaymentDiscrepancies => Set<PaymentDiscrepancy>();
    public DbSet<PaymentReconciliation> PaymentReconciliations => Set<PaymentReconciliation>();
    public DbSet<VideoVisit> VideoVisits => Set<VideoVisit>();
    public DbSet<VisitInvitation> VisitInvitations => Set<VisitInvitation>();
    public DbSet<VisitMessage> VisitMessages => Set<VisitMessage>();
    public DbSet<VisitConnection> VisitConnections => Set<VisitConnection>();
    public DbSet<VisitGuest> VisitGuests => Set<VisitGuest>();
    public DbSet<VisitRecording> VisitRecordings => Set<VisitRecording>();
    public DbSet<VisitBroadcast> VisitBroadcasts => Set<VisitBroadcast>();
    public DbSet<BroadcastViewer> BroadcastViewers => Set<BroadcastViewer>();
    public DbSet<VisitRecordingChunk> VisitRecordingChunks => Set<VisitRecordingChunk>();
    public DbSet<RecordingJob> RecordingJobs => Set<RecordingJob>();
    public DbSet<ConsultingSession> ConsultingSessions => Set<ConsultingSession>();
    public DbSet<DepartmentConditions> DepartmentConditions => Set<DepartmentConditions>();
    public DbSet<ScheduleTemplate> ScheduleTemplates => Set<ScheduleTemplate>();
    public DbSet<Slot> Slots => Set<Slot>();
    public DbSet<BlockedPeriod> BlockedPeriods => Set<BlockedPeriod>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<AppointmentReminder> AppointmentReminders => Set<AppointmentReminder>();
    public DbSet<WaitlistEntry> WaitlistEntries => Set<WaitlistEntry>();
    public DbSet<Drug> Drugs => Set<Drug>();
    public DbSet<DrugCodeMapping> DrugCodeMappings => Set<DrugCodeMapping>();
    public DbSet<DrugInteraction> DrugInteractions => Set<DrugInteraction>();
    public DbSet<RenewalRequest> RenewalRequests => Set<RenewalRequest>();
    public DbSet<PharmacistDuty> PharmacistDuties => Set<PharmacistDuty>();
    public DbSet<RenewalSettings> RenewalSettings => Set<RenewalSettings>();
    public DbSet<FamilyDoctorTeam> FamilyTeams => Set<FamilyDoctorTeam>();
    public DbSet<TeamMember> FamilyTeamMembers => Set<TeamMember>();
    public DbSet<ServicePackage> ServicePackages => Set<ServicePackage>();
    public DbSet<FamilyContract> FamilyContracts => Set<FamilyContract>();
    public DbSet<CareProfile> CareProfiles => Set<CareProfile>();
    public DbSet<CareCondition> CareConditions => Set<CareCondition>();
    public DbSet<FollowUpPlan> FollowUpPlans => Set<FollowUpPlan>();
    public DbSet<FollowUpTask> FollowUpTasks => Set<FollowUpTask>();
    public DbSet<HomeMeasurement> HomeMeasurements => Set<HomeMeasurement>();
    public DbSet<MeasurementAlert> MeasurementAlerts => Set<MeasurementAlert>();
    public DbSet<MessageThread> MessageThreads => Set<MessageThread>();
    public DbSet<FamilyMessage> FamilyMessages => Set<FamilyMessage>();
    public DbSet<MessageAttachment> FamilyMessageAttachments => Set<MessageAttachment>();
    public DbSet<Domain.Retention.LegalHold> LegalHolds => Set<Domain.Retention.LegalHold>();
    public DbSet<Domain.Results.LabReport> LabReports => Set<Domain.Results.LabReport>();
    public DbSet<Domain.Imaging.SharedStudy> SharedStudies => Set<Domain.Imaging.SharedStudy>();
    public DbSet<Domain.Referrals.Referral> Referrals => Set<Domain.Referrals.Referral>();
    public DbSet<Domain.Referrals.DepartmentReferralSettings> DepartmentReferralSettings => Set<Domain.Referrals.DepartmentReferralSettings>();
    public DbSet<Domain.Consultations.Consultation> Consultations => Set<Domain.Consultations.Consultation>();
    public DbSet<Domain.Consultations.ConsultationFeeRule> ConsultationFeeRules => Set<Domain.Consultations.ConsultationFeeRule>();
    public DbSet<Domain.Consultations.ConsultationConsentGrant> ConsultationConsentGrants => Set<Domain.Consultations.ConsultationConsentGrant>();
    public DbSet<Domain.Emergency.AmbulanceService> AmbulanceServices => Set<Domain.Emergency.AmbulanceService>();
    public DbSet<Domain.Emergency.CrewMembership> CrewMemberships => Set<Domain.Emergency.CrewMembership>();
    public DbSet<Domain.Emergency.ReceivingHospital> ReceivingHospitals => Set<Domain.Emergency.ReceivingHospital>();
    public DbSet<Domain.Emergency.PathwayTeamMember> PathwayTeamMembers => Set<Domain.Emergency.PathwayTeamMember>();
    public DbSet<Domain.Emergency.EmergencyCase> EmergencyCases => Set<Domain.Emergency.EmergencyCase>();
    public DbSet<Domain.Emergency.EmergencySyncItem> EmergencySyncItems => Set<Domain.Emergency.EmergencySyncItem>();
    public DbSet<Domain.Emergency.EmergencyAlert> EmergencyAlerts => Set<Domain.Emergency.EmergencyAlert>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception, out var constraint))
        {
            // Note: handlers see one provider-neutral exception for "the database refused a duplicate".
            throw new UniqueConstraintException(constraint, exception);
        }
    }

    /// <summary>Names that lists are sorted by are compared in Chinese (pinyin) order, in SQL too (see <c>NameOrder</c>).</summary>
    private protected static void UseNameCollation(ModelBuilder builder, string collation)
    {
        builder.Entity<Patient>().Property(p => p.FullName).UseCollation(collation);
        builder.Entity<Doctor>().Property(d => d.FullName).UseCollation(collation);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>();
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Note: domain entities get their ids from NewId when they are created, never from the database. Saying so
        // lets EF insert a new child found in a tracked parent's collection instead of trying to update it.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith("InternetHospital.Domain", StringComparison.Ordinal) == true))
        {
            var key = entity.FindPrimaryKey();
            if (key is { Properties: [{ ClrType: var type } property] } && type == typeof(Guid))
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }
}

/// <summary>SQLite: the embedded default.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Note: SQLite has no date-time type; EF stores DateTimeOffset as text, which neither sorts nor compares
        // correctly in SQL. Storing UTC ticks keeps ORDER BY and range filters in the database.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        UseNameCollation(builder, PersonNameCollation.Sqlite);
    }
}

/// <summary>PostgreSQL: production.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        UseNameCollation(builder, PersonNameCollation.Postgres);
    }
}
