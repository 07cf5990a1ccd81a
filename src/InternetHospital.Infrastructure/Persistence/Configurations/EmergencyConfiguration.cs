using InternetHospital.Domain.Emergency;
using InternetHospital.Domain.Hospital;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class AmbulanceServiceConfiguration : IEntityTypeConfiguration<AmbulanceService>
{
    public void Configure(EntityTypeBuilder<AmbulanceService> builder)
    {
        builder.ToTable("AmbulanceServices");
        builder.Property(s => s.Code).HasMaxLength(32);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.NameEn).HasMaxLength(100);
        builder.HasIndex(s => s.Code).IsUnique();
    }
}

internal sealed class CrewMembershipConfiguration : IEntityTypeConfiguration<CrewMembership>
{
    public void Configure(EntityTypeBuilder<CrewMembership> builder)
    {
        builder.ToTable("CrewMemberships");
        builder.HasIndex(m => new { m.AccountId, m.ServiceId }).IsUnique();
        builder.HasOne<AmbulanceService>().WithMany().HasForeignKey(m => m.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReceivingHospitalConfiguration : IEntityTypeConfiguration<ReceivingHospital>
{
    public void Configure(EntityTypeBuilder<ReceivingHospital> builder)
    {
        builder.ToTable("ReceivingHospitals");
        builder.Property(r => r.EdPhone).HasMaxLength(32);
        builder.HasIndex(r => r.FacilityId).IsUnique();
        builder.HasOne<Facility>().WithMany().HasForeignKey(r => r.FacilityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PathwayTeamMemberConfiguration : IEntityTypeConfiguration<PathwayTeamMember>
{
    public void Configure(EntityTypeBuilder<PathwayTeamMember> builder)
    {
        builder.ToTable("PathwayTeamMembers");
        builder.Property(m => m.Pathway).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(m => new { m.FacilityId, m.Pathway, m.AccountId }).IsUnique();
        builder.HasIndex(m => m.AccountId);
        builder.HasOne<Facility>().WithMany().HasForeignKey(m => m.FacilityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EmergencyCaseConfiguration : IEntityTypeConfiguration<EmergencyCase>
{
    public void Configure(EntityTypeBuilder<EmergencyCase> builder)
    {
        builder.ToTable("EmergencyCases");
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Pathway).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.IdentifiedBy).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.UnknownSex).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.StrokeScale).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.ChiefComplaint).HasMaxLength(EmergencyCase.MaxTextLength);
        builder.Property(c => c.UnknownDescription).HasMaxLength(EmergencyCase.MaxTextLength);
        builder.Property(c => c.TraumaMechanism).HasMaxLength(EmergencyCase.MaxMechanismLength);
        builder.HasIndex(c => new { c.ServiceId, c.Status });
        builder.HasIndex(c => new { c.DestinationFacilityId, c.Status });
        builder.HasIndex(c => c.PatientId);
        builder.HasIndex(c => c.CreatedAt);
        builder.HasOne<AmbulanceService>().WithMany().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReceivingHospital>().WithMany().HasForeignKey(c => c.DestinationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Patients.Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(c => c.SyncItems).WithOne().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.SyncItems).HasField("syncItems").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Timeline).WithOne().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Timeline).HasField("timeline").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Vitals).WithOne().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Vitals).HasField("vitals").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Treatments).WithOne().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Treatments).HasField("treatments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Messages).WithOne().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Messages).HasField("messages").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Attachments).WithOne().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Attachments).HasField("attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Alerts).WithOne().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Alerts).HasField("alerts").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EmergencySyncItemConfiguration : IEntityTypeConfiguration<EmergencySyncItem>
{
    public void Configure(EntityTypeBuilder<EmergencySyncItem> builder)
    {
        builder.ToTable("EmergencySyncItems");
        builder.Property(i => i.Kind).HasMaxLength(EmergencySyncItem.MaxKindLength);

        // Note: the database backs the offline-sync rule: one write per key, one write per place in a case's order
        // (two phones racing for the same number: one of them gets a conflict and renumbers).
        builder.HasIndex(i => i.Key).IsUnique();
        builder.HasIndex(i => new { i.CaseId, i.Sequence }).IsUnique();
    }
}

internal sealed class EmergencyTimelineEntryConfiguration : IEntityTypeConfiguration<EmergencyTimelineEntry>
{
    public void Configure(EntityTypeBuilder<EmergencyTimelineEntry> builder)
    {
        builder.ToTable("EmergencyTimeline");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ByName).HasMaxLength(100);
        builder.HasIndex(e => new { e.CaseId, e.Kind });
    }
}

internal sealed class EmergencyVitalsEntryConfiguration : IEntityTypeConfiguration<EmergencyVitalsEntry>
{
    public void Configure(EntityTypeBuilder<EmergencyVitalsEntry> builder)
    {
        builder.ToTable("EmergencyVitals");
        builder.Property(v => v.Temperature).HasPrecision(4, 1);
        builder.Property(v => v.Glucose).HasPrecision(4, 1);
        builder.Property(v => v.RecordedByName).HasMaxLength(100);
        builder.HasIndex(v => new { v.CaseId, v.MeasuredAt });
    }
}

internal sealed class EmergencyTreatmentConfiguration : IEntityTypeConfiguration<EmergencyTreatment>
{
    public void Configure(EntityTypeBuilder<EmergencyTreatment> builder)
    {
        builder.ToTable("EmergencyTreatments");
        builder.Property(t => t.Description).HasMaxLength(EmergencyCase.MaxTextLength);
        builder.Property(t => t.ByName).HasMaxLength(100);
    }
}

internal sealed class EmergencyMessageConfiguration : IEntityTypeConfiguration<EmergencyMessage>
{
    public void Configure(EntityTypeBuilder<EmergencyMessage> builder)
    {
        builder.ToTable("EmergencyMessages");
        builder.Property(m => m.Side).HasConversion<string>().HasMaxLength(12);
        builder.Property(m => m.Text).HasMaxLength(EmergencyCase.MaxMessageLength);
        builder.Property(m => m.AuthorName).HasMaxLength(100);
    }
}

internal sealed class EmergencyAttachmentConfiguration : IEntityTypeConfiguration<EmergencyAttachment>
{
    public void Configure(EntityTypeBuilder<EmergencyAttachment> builder)
    {
        builder.ToTable("EmergencyAttachments");
        builder.Property(a => a.ContentType).HasMaxLength(64);
        builder.Property(a => a.Caption).HasMaxLength(EmergencyCase.MaxMechanismLength);
        builder.Property(a => a.ByName).HasMaxLength(100);
        builder.HasOne<Domain.Files.StoredFile>().WithMany().HasForeignKey(a => a.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EmergencyAlertConfiguration : IEntityTypeConfiguration<EmergencyAlert>
{
    public void Configure(EntityTypeBuilder<EmergencyAlert> builder)
    {
        builder.ToTable("EmergencyAlerts");
        builder.Property(a => a.Pathway).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.RaisedByName).HasMaxLength(100);
        builder.HasIndex(a => new { a.CaseId, a.Pathway, a.FacilityId }).IsUnique();
        builder.HasIndex(a => new { a.FacilityId, a.RaisedAt });
        builder.HasMany(a => a.Acks).WithOne().HasForeignKey(k => k.AlertId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Acks).HasField("acks").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EmergencyAlertAckConfiguration : IEntityTypeConfiguration<EmergencyAlertAck>
{
    public void Configure(EntityTypeBuilder<EmergencyAlertAck> builder)
    {
        builder.ToTable("EmergencyAlertAcks");
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.HasIndex(a => new { a.AlertId, a.AccountId }).IsUnique();
    }
}
