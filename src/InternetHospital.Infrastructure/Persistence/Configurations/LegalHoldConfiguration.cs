using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> builder)
    {
        builder.ToTable("LegalHolds");
        builder.Property(h => h.Reason).HasMaxLength(LegalHold.MaxReasonLength);
        builder.Property(h => h.ReleaseReason).HasMaxLength(LegalHold.MaxReasonLength);
        builder.HasOne<Patient>().WithMany().HasForeignKey(h => h.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.PatientId, h.ReleasedAt });
        builder.Ignore(h => h.InForce);
    }
}
