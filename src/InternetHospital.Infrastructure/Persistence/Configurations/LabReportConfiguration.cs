using InternetHospital.Domain.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class LabReportConfiguration : IEntityTypeConfiguration<LabReport>
{
    public void Configure(EntityTypeBuilder<LabReport> builder)
    {
        builder.ToTable("LabReports");
        builder.Property(r => r.HisPatientId).HasMaxLength(64);
        builder.Property(r => r.SourceId).HasMaxLength(100);
        builder.Property(r => r.MessageControlId).HasMaxLength(100);
        builder.Property(r => r.Code).HasMaxLength(64);
        builder.Property(r => r.CodeSystem).HasMaxLength(200);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.Property(r => r.OrderingDoctorLicence).HasMaxLength(64);
        builder.Property(r => r.OrderingDoctorName).HasMaxLength(100);

        // One row per HIS report (a correction replaces it) and per HL7 message (a message sent twice is stored once).
        builder.HasIndex(r => r.SourceId).IsUnique();
        builder.HasIndex(r => r.MessageControlId).IsUnique();

        // A patient's reports, newest first; a doctor's reports waiting for release.
        builder.HasIndex(r => new { r.HisPatientId, r.IssuedAt });
        builder.HasIndex(r => new { r.OrderingDoctorLicence, r.Sensitive, r.ReleasedAt });

        builder.HasMany(r => r.Observations).WithOne().HasForeignKey(o => o.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Observations).HasField("observations").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class LabObservationConfiguration : IEntityTypeConfiguration<LabObservation>
{
    public void Configure(EntityTypeBuilder<LabObservation> builder)
    {
        builder.ToTable("LabObservations");
        builder.Property(o => o.Code).HasMaxLength(64);
        builder.Property(o => o.CodeSystem).HasMaxLength(200);
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Value).HasPrecision(18, 6);
        builder.Property(o => o.ValueText).HasMaxLength(2000);
        builder.Property(o => o.Unit).HasMaxLength(32);
        builder.Property(o => o.Low).HasPrecision(18, 6);
        builder.Property(o => o.High).HasPrecision(18, 6);
        builder.Property(o => o.RangeText).HasMaxLength(100);
        builder.Property(o => o.Flag).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(o => o.IsCritical);
        builder.HasIndex(o => new { o.ReportId, o.Sequence });
    }
}
