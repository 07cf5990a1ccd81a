using InternetHospital.Domain.His;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class HisOutboxConfiguration : IEntityTypeConfiguration<HisOutboxMessage>
{
    public void Configure(EntityTypeBuilder<HisOutboxMessage> builder)
    {
        builder.ToTable("HisOutbox");
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.LastError).HasMaxLength(4000);

        // The dispatcher's query: due pending messages, oldest first.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.PatientId, m.CreatedAt });
    }
}
