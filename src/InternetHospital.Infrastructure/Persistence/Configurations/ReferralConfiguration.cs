using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("Referrals");
        builder.Property(r => r.Direction).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.Urgency).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Reason).HasMaxLength(Referral.MaxReasonLength);
        builder.Property(r => r.ClinicalQuestion).HasMaxLength(Referral.MaxQuestionLength);
        builder.Property(r => r.DeclineReason).HasMaxLength(Referral.MaxReasonLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.PatientId, r.CreatedAt });
        builder.HasIndex(r => new { r.ToDepartmentId, r.Status });
        builder.HasIndex(r => new { r.ToTeamId, r.Status });
        builder.HasIndex(r => r.FromFacilityId);
        builder.HasIndex(r => r.FromDoctorId);
        builder.HasOne<Domain.Patients.Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Doctor>().WithMany().HasForeignKey(r => r.FromDoctorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Facility>().WithMany().HasForeignKey(r => r.FromFacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Facility>().WithMany().HasForeignKey(r => r.ToFacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(r => r.ToDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FamilyDoctorTeam>().WithMany().HasForeignKey(r => r.ToTeamId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Events).HasField("events").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Attachments).WithOne().HasForeignKey(e => e.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Attachments).HasField("attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Medicines).WithOne().HasForeignKey(e => e.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Medicines).HasField("medicines").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Tasks).WithOne().HasForeignKey(e => e.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Tasks).HasField("tasks").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReferralEventConfiguration : IEntityTypeConfiguration<ReferralEvent>
{
    public void Configure(EntityTypeBuilder<ReferralEvent> builder)
    {
        builder.ToTable("ReferralEvents");
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Note).HasMaxLength(Referral.MaxReasonLength);
        builder.HasIndex(e => new { e.ReferralId, e.Sequence }).IsUnique();
    }
}

internal sealed class ReferralAttachmentConfiguration : IEntityTypeConfiguration<ReferralAttachment>
{
    public void Configure(EntityTypeBuilder<ReferralAttachment> builder)
    {
        builder.ToTable("ReferralAttachments");
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(12);
        builder.HasIndex(a => new { a.ReferralId, a.Kind, a.ItemId }).IsUnique();
    }
}

internal sealed class ReferralMedicineConfiguration : IEntityTypeConfiguration<ReferralMedicine>
{
    public void Configure(EntityTypeBuilder<ReferralMedicine> builder)
    {
        builder.ToTable("ReferralMedicines");
        builder.ComplexProperty(m => m.Line, DrugLineColumns.Configure);
    }
}

internal sealed class ReferralTaskConfiguration : IEntityTypeConfiguration<ReferralTask>
{
    public void Configure(EntityTypeBuilder<ReferralTask> builder)
    {
        builder.ToTable("ReferralTasks");
        builder.Property(t => t.TemplateCode).HasMaxLength(64);
    }
}

internal sealed class DepartmentReferralSettingsConfiguration : IEntityTypeConfiguration<DepartmentReferralSettings>
{
    public void Configure(EntityTypeBuilder<DepartmentReferralSettings> builder)
    {
        builder.ToTable("DepartmentReferralSettings");
        builder.HasKey(s => s.DepartmentId);
        builder.HasOne<Department>().WithOne().HasForeignKey<DepartmentReferralSettings>(s => s.DepartmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
