using InternetHospital.Domain.Consultations;
using InternetHospital.Domain.Hospital;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.ToTable("Consultations");
        builder.Property(c => c.Mode).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.Urgency).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ConsentMethod).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.ConsentGivenBy).HasMaxLength(100);
        builder.Property(c => c.Question).HasMaxLength(Consultation.MaxQuestionLength);
        builder.Property(c => c.RecordSummary).HasMaxLength(Consultation.MaxSummaryLength);
        builder.Property(c => c.DeclineReason).HasMaxLength(Consultation.MaxReasonLength);
        builder.Property(c => c.Fee).HasPrecision(10, 2);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.PatientId, c.CreatedAt });
        builder.HasIndex(c => new { c.ToDepartmentId, c.Status });
        builder.HasIndex(c => c.RequestingDoctorId);
        builder.HasIndex(c => c.ToFacilityId);
        builder.HasOne<Domain.Patients.Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Doctor>().WithMany().HasForeignKey(c => c.RequestingDoctorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Facility>().WithMany().HasForeignKey(c => c.FromFacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Facility>().WithMany().HasForeignKey(c => c.ToFacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(c => c.ToDepartmentId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.ConsultationId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Events).HasField("events").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.ConsultationId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Attachments).HasField("attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Specialists).WithOne().HasForeignKey(s => s.ConsultationId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Specialists).HasField("specialists").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Addenda).WithOne().HasForeignKey(a => a.ConsultationId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Addenda).HasField("addenda").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne(c => c.Opinion).WithOne().HasForeignKey<ConsultationOpinion>(o => o.ConsultationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsultationEventConfiguration : IEntityTypeConfiguration<ConsultationEvent>
{
    public void Configure(EntityTypeBuilder<ConsultationEvent> builder)
    {
        builder.ToTable("ConsultationEvents");
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Note).HasMaxLength(Consultation.MaxReasonLength);
        builder.HasIndex(e => new { e.ConsultationId, e.Sequence }).IsUnique();
    }
}

internal sealed class ConsultationAttachmentConfiguration : IEntityTypeConfiguration<ConsultationAttachment>
{
    public void Configure(EntityTypeBuilder<ConsultationAttachment> builder)
    {
        builder.ToTable("ConsultationAttachments");
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.Reference).HasMaxLength(64);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.HasIndex(a => new { a.ConsultationId, a.Kind, a.Reference }).IsUnique();
    }
}

internal sealed class ConsultationSpecialistConfiguration : IEntityTypeConfiguration<ConsultationSpecialist>
{
    public void Configure(EntityTypeBuilder<ConsultationSpecialist> builder)
    {
        builder.ToTable("ConsultationSpecialists");
        builder.HasIndex(s => new { s.ConsultationId, s.DoctorId }).IsUnique();
        builder.HasIndex(s => s.DoctorId);
        builder.HasOne<Doctor>().WithMany().HasForeignKey(s => s.DoctorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsultationOpinionConfiguration : IEntityTypeConfiguration<ConsultationOpinion>
{
    public void Configure(EntityTypeBuilder<ConsultationOpinion> builder)
    {
        builder.ToTable("ConsultationOpinions");
        builder.HasKey(o => o.ConsultationId);
        builder.Property(o => o.Text).HasMaxLength(Consultation.MaxOpinionLength);
        builder.Property(o => o.Disposition).HasConversion<string>().HasMaxLength(24);
        builder.Property(o => o.SuggestedTests).HasMaxLength(1000);
        builder.Property(o => o.SuggestedMedication).HasMaxLength(1000);
        builder.Property(o => o.SignedByName).HasMaxLength(100);
        builder.Property(o => o.ContentHash).HasMaxLength(64);
    }
}

internal sealed class ConsultationAddendumConfiguration : IEntityTypeConfiguration<ConsultationAddendum>
{
    public void Configure(EntityTypeBuilder<ConsultationAddendum> builder)
    {
        builder.ToTable("ConsultationAddenda");
        builder.Property(a => a.Text).HasMaxLength(Consultation.MaxOpinionLength);
        builder.Property(a => a.AuthorName).HasMaxLength(100);
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.HasIndex(a => new { a.ConsultationId, a.Sequence }).IsUnique();
    }
}

internal sealed class ConsultationFeeRuleConfiguration : IEntityTypeConfiguration<ConsultationFeeRule>
{
    public void Configure(EntityTypeBuilder<ConsultationFeeRule> builder)
    {
        builder.ToTable("ConsultationFeeRules");
        builder.Property(r => r.Amount).HasPrecision(10, 2);
        builder.HasIndex(r => new { r.FromFacilityId, r.ToFacilityId }).IsUnique();
        builder.HasOne<Facility>().WithMany().HasForeignKey(r => r.FromFacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Facility>().WithMany().HasForeignKey(r => r.ToFacilityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsultationConsentGrantConfiguration : IEntityTypeConfiguration<ConsultationConsentGrant>
{
    public void Configure(EntityTypeBuilder<ConsultationConsentGrant> builder)
    {
        builder.ToTable("ConsultationConsentGrants");
        builder.Property(g => g.GivenBy).HasMaxLength(100);
        builder.HasIndex(g => new { g.PatientId, g.GivenAt });
        builder.HasOne<Domain.Patients.Patient>().WithMany().HasForeignKey(g => g.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
