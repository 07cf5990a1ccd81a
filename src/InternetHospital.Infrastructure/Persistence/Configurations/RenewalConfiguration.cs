using InternetHospital.Domain.Drugs;
using InternetHospital.Domain.Renewals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class DrugConfiguration : IEntityTypeConfiguration<Drug>
{
    public void Configure(EntityTypeBuilder<Drug> builder)
    {
        builder.ToTable("Drugs");
        builder.Property(d => d.Code).HasMaxLength(32);
        builder.Property(d => d.AtcCode).HasMaxLength(8);
        builder.Property(d => d.GenericName).HasMaxLength(100);
        builder.Property(d => d.GenericNameEn).HasMaxLength(100);
        builder.Property(d => d.Strength).HasMaxLength(32);
        builder.Property(d => d.StrengthValue).HasPrecision(12, 4);
        builder.Property(d => d.DoseUnit).HasMaxLength(8);
        builder.Property(d => d.Form).HasMaxLength(32);
        builder.Property(d => d.FormEn).HasMaxLength(64);
        builder.Property(d => d.MinDailyDose).HasPrecision(12, 4);
        builder.Property(d => d.MaxDailyDose).HasPrecision(12, 4);
        builder.Property(d => d.ControlCategory).HasConversion<string>().HasMaxLength(24);
        builder.Property(d => d.AllergyGroups).HasMaxLength(300);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.HasIndex(d => d.AtcCode);
    }
}

internal sealed class DrugCodeMappingConfiguration : IEntityTypeConfiguration<DrugCodeMapping>
{
    public void Configure(EntityTypeBuilder<DrugCodeMapping> builder)
    {
        builder.ToTable("DrugCodeMappings");
        builder.Property(m => m.HisCode).HasMaxLength(64);
        builder.HasIndex(m => m.HisCode).IsUnique();
        builder.HasOne<Drug>().WithMany().HasForeignKey(m => m.DrugId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DrugInteractionConfiguration : IEntityTypeConfiguration<DrugInteraction>
{
    public void Configure(EntityTypeBuilder<DrugInteraction> builder)
    {
        builder.ToTable("DrugInteractions");
        builder.Property(i => i.AtcA).HasMaxLength(8);
        builder.Property(i => i.AtcB).HasMaxLength(8);
        builder.Property(i => i.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Advice).HasMaxLength(500);
        builder.Property(i => i.AdviceEn).HasMaxLength(500);
        builder.HasIndex(i => new { i.AtcA, i.AtcB }).IsUnique();
    }
}

internal sealed class RenewalRequestConfiguration : IEntityTypeConfiguration<RenewalRequest>
{
    public void Configure(EntityTypeBuilder<RenewalRequest> builder)
    {
        builder.ToTable("RenewalRequests");
        builder.Property(r => r.Reference).HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Fulfilment).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.DeliveryStatus).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.DeliveryAddress).HasMaxLength(300);
        builder.Property(r => r.PatientNote).HasMaxLength(1000);
        builder.Property(r => r.AttendingName).HasMaxLength(100);
        builder.Property(r => r.AttendingRelation).HasMaxLength(16);
        builder.Property(r => r.DoctorReason).HasMaxLength(1000);
        builder.Property(r => r.PharmacistReason).HasMaxLength(1000);
        builder.Property(r => r.FeeDue).HasPrecision(12, 2);
        builder.Property(r => r.PickupCode).HasMaxLength(16);
        builder.Property(r => r.Carrier).HasMaxLength(60);
        builder.Property(r => r.TrackingNumber).HasMaxLength(60);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.PatientId, r.SubmittedAt });
        builder.HasIndex(r => new { r.Status, r.UpdatedAt });
        builder.HasIndex(r => r.DecidedByDoctorId);

        // A pickup code identifies one collection; NULLs (no code yet) do not collide on either provider.
        builder.HasIndex(r => r.PickupCode).IsUnique();
        builder.HasOne<Domain.Patients.Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RenewalRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Items).HasField("items").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Routing).WithOne().HasForeignKey(i => i.RenewalRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Routing).HasField("routing").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Prescriptions).WithOne().HasForeignKey(p => p.RenewalRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Prescriptions).HasField("prescriptions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Reviews).WithOne().HasForeignKey(p => p.RenewalRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Reviews).HasField("reviews").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RenewalRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Events).HasField("events").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RenewalItemConfiguration : IEntityTypeConfiguration<RenewalItem>
{
    public void Configure(EntityTypeBuilder<RenewalItem> builder)
    {
        builder.ToTable("RenewalItems");
        builder.ComplexProperty(i => i.Line, DrugLineColumns.Configure);
        builder.Property(i => i.Source).HasConversion<string>().HasMaxLength(8);
        builder.Property(i => i.SourcePrescriber).HasMaxLength(100);
        builder.HasOne<Drug>().WithMany().HasForeignKey(i => i.DrugId).OnDelete(DeleteBehavior.Restrict);

        // The database, not only the handler, refuses a second open request for the same medicine of a patient.
        builder.HasIndex(i => new { i.PatientId, i.DrugId }).IsUnique().HasFilter("\"IsOpen\"");
    }
}

internal sealed class RenewalRoutingConfiguration : IEntityTypeConfiguration<RenewalRouting>
{
    public void Configure(EntityTypeBuilder<RenewalRouting> builder)
    {
        builder.ToTable("RenewalRouting");
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(r => r.DoctorId);
        builder.HasOne<Domain.Hospital.Doctor>().WithMany().HasForeignKey(r => r.DoctorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PrescriptionConfiguration : IEntityTypeConfiguration<Prescription>
{
    public void Configure(EntityTypeBuilder<Prescription> builder)
    {
        builder.ToTable("Prescriptions");
        builder.Property(p => p.DoctorName).HasMaxLength(100);
        builder.Property(p => p.Note).HasMaxLength(1000);
        builder.Property(p => p.ContentHash).HasMaxLength(64);
        builder.HasIndex(p => new { p.RenewalRequestId, p.Number }).IsUnique();
        builder.HasIndex(p => p.PatientId);
        builder.HasOne<Domain.Hospital.Doctor>().WithMany().HasForeignKey(p => p.DoctorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PrescriptionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(p => p.Lines).HasField("lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PrescriptionItemConfiguration : IEntityTypeConfiguration<PrescriptionItem>
{
    public void Configure(EntityTypeBuilder<PrescriptionItem> builder)
    {
        builder.ToTable("PrescriptionItems");
        builder.ComplexProperty(i => i.Line, DrugLineColumns.Configure);
        builder.Ignore(i => i.DailyDose);
        builder.HasOne<Drug>().WithMany().HasForeignKey(i => i.DrugId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PharmacistReviewConfiguration : IEntityTypeConfiguration<PharmacistReview>
{
    public void Configure(EntityTypeBuilder<PharmacistReview> builder)
    {
        builder.ToTable("PharmacistReviews");
        builder.Property(r => r.PharmacistName).HasMaxLength(100);
        builder.Property(r => r.Justification).HasMaxLength(1000);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.Property(r => r.HighestSeverity).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => r.PharmacistAccountId);
    }
}

internal sealed class RenewalEventConfiguration : IEntityTypeConfiguration<RenewalEvent>
{
    public void Configure(EntityTypeBuilder<RenewalEvent> builder)
    {
        builder.ToTable("RenewalEvents");
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Note).HasMaxLength(1000);
        builder.HasIndex(e => new { e.RenewalRequestId, e.Sequence }).IsUnique();
    }
}

internal sealed class PharmacistDutyConfiguration : IEntityTypeConfiguration<PharmacistDuty>
{
    public void Configure(EntityTypeBuilder<PharmacistDuty> builder)
    {
        builder.ToTable("PharmacistDuties");
        builder.Property(d => d.PharmacistName).HasMaxLength(100);

        // One open shift per pharmacist: the column is set only while on duty (NULLs never collide).
        builder.HasIndex(d => d.OnDutyAccountId).IsUnique();
        builder.HasIndex(d => d.PharmacistAccountId);
    }
}

internal sealed class RenewalSettingsConfiguration : IEntityTypeConfiguration<RenewalSettings>
{
    public void Configure(EntityTypeBuilder<RenewalSettings> builder)
    {
        builder.ToTable("RenewalSettings");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Fee).HasPrecision(12, 2);
    }
}

/// <summary>
/// A <see cref="DrugLine"/> kept in its owner's own columns under their plain names (DrugCode, DrugName, ...), the
/// columns the items had before the line became one value.
/// </summary>
internal static class DrugLineColumns
{
    public static void Configure(ComplexPropertyBuilder<DrugLine> line)
    {
        line.Property(l => l.DrugCode).HasColumnName(nameof(DrugLine.DrugCode)).HasMaxLength(DrugLine.DrugCodeMaxLength);
        line.Property(l => l.DrugName).HasColumnName(nameof(DrugLine.DrugName)).HasMaxLength(DrugLine.DrugNameMaxLength);
        line.Property(l => l.DrugNameEn).HasColumnName(nameof(DrugLine.DrugNameEn)).HasMaxLength(DrugLine.DrugNameMaxLength);
        line.Property(l => l.Strength).HasColumnName(nameof(DrugLine.Strength)).HasMaxLength(DrugLine.StrengthMaxLength);
        line.Property(l => l.DoseAmount).HasColumnName(nameof(DrugLine.DoseAmount)).HasPrecision(12, 4);
        line.Property(l => l.DoseUnit).HasColumnName(nameof(DrugLine.DoseUnit)).HasMaxLength(DrugLine.DoseUnitMaxLength);
        line.Property(l => l.Frequency).HasColumnName(nameof(DrugLine.Frequency)).HasMaxLength(DrugLine.FrequencyMaxLength);
        line.Property(l => l.Route).HasColumnName(nameof(DrugLine.Route)).HasMaxLength(DrugLine.RouteMaxLength);
    }
}
