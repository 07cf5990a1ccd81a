using InternetHospital.Domain.Emergency;
using InternetHospital.Domain.HealthCodes;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class StaffMembershipConfiguration : IEntityTypeConfiguration<StaffMembership>
{
    public void Configure(EntityTypeBuilder<StaffMembership> builder)
    {
        builder.ToTable("StaffMemberships");
        builder.HasIndex(m => new { m.AccountId, m.FacilityId }).IsUnique();
        builder.HasOne<Identity.Account>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Facility>().WithMany().HasForeignKey(m => m.FacilityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HealthCodeHolderConfiguration : IEntityTypeConfiguration<HealthCodeHolder>
{
    public void Configure(EntityTypeBuilder<HealthCodeHolder> builder)
    {
        builder.ToTable("HealthCodeHolders");
        builder.Property(h => h.Handle).HasMaxLength(32);
        builder.Property(h => h.PinHash).HasMaxLength(100);
        builder.HasIndex(h => h.PatientId).IsUnique();
        builder.HasIndex(h => h.Handle).IsUnique();
        builder.HasOne<Patient>().WithMany().HasForeignKey(h => h.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaticHealthCodeConfiguration : IEntityTypeConfiguration<StaticHealthCode>
{
    public void Configure(EntityTypeBuilder<StaticHealthCode> builder)
    {
        builder.ToTable("StaticHealthCodes");
        builder.Property(s => s.CodeHash).HasMaxLength(64);
        builder.HasIndex(s => s.CodeHash).IsUnique();
        builder.HasIndex(s => s.PatientId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HealthCodeScanConfiguration : IEntityTypeConfiguration<HealthCodeScan>
{
    public void Configure(EntityTypeBuilder<HealthCodeScan> builder)
    {
        builder.ToTable("HealthCodeScans");
        builder.Property(s => s.Place).HasMaxLength(100);
        builder.Property(s => s.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Nonce).HasMaxLength(32);

        // Note: unique, so two desks scanning the same code at the same moment cannot both succeed.
        builder.HasIndex(s => s.Nonce).IsUnique();
        builder.HasIndex(s => s.PatientId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Facility>().WithMany().HasForeignKey(s => s.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AmbulanceService>().WithMany().HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
