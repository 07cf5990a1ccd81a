using InternetHospital.Domain.Imaging;
using InternetHospital.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class SharedStudyConfiguration : IEntityTypeConfiguration<SharedStudy>
{
    public void Configure(EntityTypeBuilder<SharedStudy> builder)
    {
        builder.ToTable("SharedStudies");
        builder.Property(s => s.StudyInstanceUid).HasMaxLength(64);
        builder.Property(s => s.Description).HasMaxLength(SharedStudy.MaxDescriptionLength);

        // Note: one row per patient and study; sharing the same study again adds to it instead of listing it twice.
        builder.HasIndex(s => new { s.PatientId, s.StudyInstanceUid }).IsUnique();
        builder.HasIndex(s => s.StudyInstanceUid);
        builder.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
