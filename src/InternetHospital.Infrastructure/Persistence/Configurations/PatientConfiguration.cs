using InternetHospital.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.ToTable("Patients");
        builder.Property(p => p.FullName).HasMaxLength(100);
        builder.Property(p => p.IdType).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.IdNumberCiphertext).HasMaxLength(512);
        builder.Property(p => p.IdNumberHash).HasMaxLength(64);
        builder.Property(p => p.IdNumberMasked).HasMaxLength(32);
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(8);
        builder.Property(p => p.Mobile).HasMaxLength(20);
        builder.Property(p => p.HisPatientId).HasMaxLength(64);

        // The database, not only the handler, guarantees one patient per identity document.
        builder.HasIndex(p => p.IdNumberHash).IsUnique();
        builder.HasIndex(p => p.HisPatientId);
    }
}

internal sealed class PatientAccessConfiguration : IEntityTypeConfiguration<PatientAccess>
{
    public void Configure(EntityTypeBuilder<PatientAccess> builder)
    {
        builder.ToTable("PatientAccesses");
        builder.Property(a => a.Relationship).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Relation).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Scopes).HasConversion<int>();
        builder.Property(a => a.RevocationReason).HasMaxLength(200);
        // Note: a grant ends once. Two instances' access jobs (or a revoke racing the job) that both saw it active must
        // not both end it and both notify: the second save finds it changed and is refused (the job's next round is idle).
        builder.Property(a => a.RevokedAt).IsConcurrencyToken();
        builder.HasIndex(a => a.PatientId);
        builder.HasIndex(a => new { a.AccountId, a.PatientId });
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Identity.Account>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FamilyInvitationConfiguration : IEntityTypeConfiguration<FamilyInvitation>
{
    public void Configure(EntityTypeBuilder<FamilyInvitation> builder)
    {
        builder.ToTable("FamilyInvitations");
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Property(i => i.Relation).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Scopes).HasConversion<int>();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(i => new { i.FromAccountId, i.Status });
        builder.HasIndex(i => new { i.PatientId, i.Status });
        builder.HasOne<Patient>().WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Identity.Account>().WithMany().HasForeignKey(i => i.FromAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
