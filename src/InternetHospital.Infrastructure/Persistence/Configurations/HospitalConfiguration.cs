using InternetHospital.Domain.Hospital;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> builder)
    {
        builder.ToTable("Facilities");
        builder.Property(f => f.Code).HasMaxLength(32);
        builder.Property(f => f.Name).HasMaxLength(100);
        builder.Property(f => f.NameEn).HasMaxLength(100);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.TimeZone).HasMaxLength(64);
        builder.Property(f => f.Address).HasMaxLength(200);
        builder.Property(f => f.Phone).HasMaxLength(32);
        builder.Property(f => f.HisAdapter).HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.HisEndpoint).HasMaxLength(300);
        builder.HasIndex(f => f.Code).IsUnique();
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("Departments");
        builder.Property(d => d.Code).HasMaxLength(32);
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.NameEn).HasMaxLength(100);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.HasOne<Facility>().WithMany().HasForeignKey(d => d.FacilityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DoctorConfiguration : IEntityTypeConfiguration<Doctor>
{
    public void Configure(EntityTypeBuilder<Doctor> builder)
    {
        builder.ToTable("Doctors");
        builder.Property(d => d.FullName).HasMaxLength(100);
        builder.Property(d => d.Title).HasMaxLength(50);
        builder.Property(d => d.TitleEn).HasMaxLength(50);
        builder.Property(d => d.LicenseNumber).HasMaxLength(32);
        builder.Property(d => d.Specialties).HasMaxLength(500);
        builder.Property(d => d.SpecialtiesEn).HasMaxLength(500);
        builder.Property(d => d.Bio).HasMaxLength(4000);
        builder.Property(d => d.BioEn).HasMaxLength(4000);
        builder.Property(d => d.InPersonFee).HasPrecision(12, 2);
        builder.Property(d => d.VideoFee).HasPrecision(12, 2);
        builder.HasIndex(d => d.AccountId).IsUnique();
        builder.HasIndex(d => d.DepartmentId);
        builder.HasOne<Department>().WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Identity.Account>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
