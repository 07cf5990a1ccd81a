using InternetHospital.Domain.Files;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class FamilyDoctorTeamConfiguration : IEntityTypeConfiguration<FamilyDoctorTeam>
{
    public void Configure(EntityTypeBuilder<FamilyDoctorTeam> builder)
    {
        builder.ToTable("FamilyDoctorTeams");
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.NameEn).HasMaxLength(100);
        builder.Property(t => t.Description).HasMaxLength(500);
        builder.Property(t => t.DescriptionEn).HasMaxLength(500);
        builder.Ignore(t => t.LeadDoctorId);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<Facility>().WithMany().HasForeignKey(t => t.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Members).HasField("members").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.Packages).WithOne().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Packages).HasField("packages").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TeamPackageConfiguration : IEntityTypeConfiguration<TeamPackage>
{
    public void Configure(EntityTypeBuilder<TeamPackage> builder)
    {
        builder.ToTable("FamilyDoctorTeamPackages");
        builder.HasKey(p => new { p.TeamId, p.PackageId });
        builder.HasOne<ServicePackage>().WithMany().HasForeignKey(p => p.PackageId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.ToTable("FamilyDoctorTeamMembers");
        builder.HasKey(m => new { m.TeamId, m.DoctorId });

        // Note: a number, so "lead first" is ORDER BY Role.
        builder.Property(m => m.Role);

        // "Which teams is this doctor in" is asked on every panel request.
        builder.HasIndex(m => m.DoctorId);
        builder.HasOne<Doctor>().WithMany().HasForeignKey(m => m.DoctorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServicePackageConfiguration : IEntityTypeConfiguration<ServicePackage>
{
    public void Configure(EntityTypeBuilder<ServicePackage> builder)
    {
        builder.ToTable("FamilyServicePackages");
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.NameEn).HasMaxLength(100);
        builder.Property(p => p.Description).HasMaxLength(500);
        builder.Property(p => p.DescriptionEn).HasMaxLength(500);
        builder.Property(p => p.Includes).HasMaxLength(2000);
        builder.Property(p => p.IncludesEn).HasMaxLength(2000);
        builder.Property(p => p.AnnualFee).HasPrecision(10, 2);
        builder.Property(p => p.ConditionCode).HasMaxLength(32);
        builder.Property(p => p.FollowUpTemplateCode).HasMaxLength(40);
        builder.HasIndex(p => p.Code).IsUnique();
    }
}

internal sealed class FamilyContractConfiguration : IEntityTypeConfiguration<FamilyContract>
{
    public void Configure(EntityTypeBuilder<FamilyContract> builder)
    {
        builder.ToTable("FamilyContracts");
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.EndedBy).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ApplicationNote).HasMaxLength(500);
        builder.Property(c => c.DeclineReason).HasMaxLength(FamilyContract.MaxReasonLength);
        builder.Property(c => c.EndReason).HasMaxLength(FamilyContract.MaxReasonLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.RenewalOpensAt);

        // The database, not only the handler, keeps a patient to one pending or active contract: two applications
        // racing each other cannot both be saved.
        builder.HasIndex(c => c.PatientId).IsUnique().HasFilter("\"Status\" IN ('Pending', 'Active')").HasDatabaseName("IX_FamilyContracts_OnePerPatient");
        builder.HasIndex(c => new { c.PatientId, c.AppliedAt });

        // The panel and the decisions list: a team's contracts by status; the lifecycle job: active contracts by end.
        builder.HasIndex(c => new { c.TeamId, c.Status, c.EndsAt });
        builder.HasIndex(c => new { c.Status, c.EndsAt });

        builder.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FamilyDoctorTeam>().WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServicePackage>().WithMany().HasForeignKey(c => c.PackageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Events).HasField("events").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ContractEventConfiguration : IEntityTypeConfiguration<ContractEvent>
{
    public void Configure(EntityTypeBuilder<ContractEvent> builder)
    {
        builder.ToTable("FamilyContractEvents");
        builder.Property(e => e.Type).HasMaxLength(32);
        builder.Property(e => e.Party).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Reason).HasMaxLength(FamilyContract.MaxReasonLength);
        builder.HasIndex(e => new { e.ContractId, e.Sequence }).IsUnique();
    }
}

internal sealed class CareProfileConfiguration : IEntityTypeConfiguration<CareProfile>
{
    public void Configure(EntityTypeBuilder<CareProfile> builder)
    {
        builder.ToTable("CareProfiles");
        builder.HasKey(p => p.PatientId);

        // Note: a number, so the panel sorts by risk.
        builder.Property(p => p.RiskLevel);
        builder.Ignore(p => p.ConditionCodes);
        builder.HasIndex(p => p.RiskLevel);
        builder.HasIndex(p => p.PendingRenewalRequests);
        builder.HasOne<Patient>().WithOne().HasForeignKey<CareProfile>(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Conditions).WithOne().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Conditions).HasField("conditions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CareConditionConfiguration : IEntityTypeConfiguration<CareCondition>
{
    public void Configure(EntityTypeBuilder<CareCondition> builder)
    {
        builder.ToTable("CareConditions");
        builder.HasKey(c => new { c.PatientId, c.Code });
        builder.Property(c => c.Code).HasMaxLength(32);

        // The panel's "condition" filter.
        builder.HasIndex(c => new { c.Code, c.PatientId });
    }
}

internal sealed class FollowUpPlanConfiguration : IEntityTypeConfiguration<FollowUpPlan>
{
    public void Configure(EntityTypeBuilder<FollowUpPlan> builder)
    {
        builder.ToTable("FollowUpPlans");
        builder.Property(p => p.TemplateCode).HasMaxLength(40);
        builder.Property(p => p.Title).HasMaxLength(100);
        builder.Property(p => p.TitleEn).HasMaxLength(100);
        builder.HasIndex(p => new { p.PatientId, p.TemplateCode });
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FamilyContract>().WithMany().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Tasks).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(p => p.Tasks).HasField("tasks").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> builder)
    {
        builder.ToTable("FollowUpTasks");
        builder.Property(t => t.Title).HasMaxLength(100);
        builder.Property(t => t.TitleEn).HasMaxLength(100);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Note).HasMaxLength(FollowUpPlan.MaxNoteLength);

        // The panel's next-due date and "overdue follow-up" filter.
        builder.HasIndex(t => new { t.PatientId, t.Status, t.DueOn });
    }
}

internal sealed class HomeMeasurementConfiguration : IEntityTypeConfiguration<HomeMeasurement>
{
    public void Configure(EntityTypeBuilder<HomeMeasurement> builder)
    {
        builder.ToTable("HomeMeasurements");
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.GlucoseTiming).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Glucose).HasPrecision(5, 1);
        builder.Property(m => m.WeightKg).HasPrecision(5, 1);

        // Note: a number, so "anything not normal" is one range on the index below.
        builder.Property(m => m.Flag);
        builder.Property(m => m.Findings).HasMaxLength(200);
        builder.Property(m => m.Note).HasMaxLength(HomeMeasurement.MaxNoteLength);
        builder.Ignore(m => m.FindingCodes);
        builder.Ignore(m => m.Values);

        // A patient's history (charts, last reading) and the panel's "abnormal recent readings" filter.
        builder.HasIndex(m => new { m.PatientId, m.MeasuredAt });
        builder.HasIndex(m => new { m.PatientId, m.Flag, m.MeasuredAt });
        builder.HasOne<Patient>().WithMany().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeasurementAlertConfiguration : IEntityTypeConfiguration<MeasurementAlert>
{
    public void Configure(EntityTypeBuilder<MeasurementAlert> builder)
    {
        builder.ToTable("MeasurementAlerts");
        builder.Property(a => a.Findings).HasMaxLength(200);
        builder.Property(a => a.Note).HasMaxLength(500);

        // Open alerts per patient (the panel) and per team (the alert band).
        builder.HasIndex(a => new { a.PatientId, a.AcknowledgedAt });
        builder.HasIndex(a => new { a.TeamId, a.AcknowledgedAt, a.RaisedAt });
        builder.HasOne<HomeMeasurement>().WithMany().HasForeignKey(a => a.MeasurementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FamilyContract>().WithMany().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MessageThreadConfiguration : IEntityTypeConfiguration<MessageThread>
{
    public void Configure(EntityTypeBuilder<MessageThread> builder)
    {
        builder.ToTable("FamilyMessageThreads");
        builder.Property(t => t.Subject).HasMaxLength(MessageThread.MaxSubjectLength);
        builder.Property(t => t.StartedBy).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(t => new { t.PatientId, t.LastMessageAt });
        builder.HasIndex(t => new { t.TeamId, t.LastMessageAt });
        builder.HasOne<FamilyContract>().WithMany().HasForeignKey(t => t.ContractId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FamilyMessageConfiguration : IEntityTypeConfiguration<FamilyMessage>
{
    public void Configure(EntityTypeBuilder<FamilyMessage> builder)
    {
        builder.ToTable("FamilyMessages");
        builder.Property(m => m.Side).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.SenderName).HasMaxLength(100);
        builder.Property(m => m.Body).HasMaxLength(FamilyMessage.MaxBodyLength);
        builder.HasIndex(m => new { m.ThreadId, m.SentAt });

        // The panel's "unread messages" filter: a patient's messages to a team that nobody there has read.
        builder.HasIndex(m => new { m.PatientId, m.TeamId, m.Side, m.ReadAt });
        builder.HasOne<MessageThread>().WithMany().HasForeignKey(m => m.ThreadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(m => m.Attachments).HasField("attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MessageAttachmentConfiguration : IEntityTypeConfiguration<MessageAttachment>
{
    public void Configure(EntityTypeBuilder<MessageAttachment> builder)
    {
        builder.ToTable("FamilyMessageAttachments");
        builder.Property(a => a.FileName).HasMaxLength(120);
        builder.Property(a => a.ContentType).HasMaxLength(60);

        // A file is attached to one message at most.
        builder.HasIndex(a => a.FileId).IsUnique();
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(a => a.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}
