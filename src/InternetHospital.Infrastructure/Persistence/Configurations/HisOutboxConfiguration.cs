using InternetHospital.Domain.Hospital;
using System.Text.Json;
using InternetHospital.Domain.His;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class HisOutboxConfiguration : IEntityTypeConfiguration<HisOutboxMessage>
{
    public void Configure(EntityTypeBuilder<HisOutboxMessage> builder)
    {
        builder.ToTable("HisOutbox");

        // Note: the key is a database-assigned sequence, not the Guid: per-patient order must follow the order of
        // writing, and version-7 Guids made in the same millisecond (or under a frozen test clock) do not sort so.
        builder.HasKey(m => m.Sequence);
        builder.Property(m => m.Sequence).ValueGeneratedOnAdd();
        builder.HasAlternateKey(m => m.Id);

        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.LastError).HasMaxLength(4000);
        builder.Property(m => m.DiscardReason).HasMaxLength(500);
        builder.HasOne<Facility>().WithMany().HasForeignKey(m => m.FacilityId).OnDelete(DeleteBehavior.Restrict);

        // Note: the claim is the concurrency token: a dispatcher whose lease ran out (and was taken over) cannot
        // overwrite the new owner's result, and an admin's retry or discard cannot race a delivery in flight.
        builder.Property(m => m.ClaimedBy).HasMaxLength(100).IsConcurrencyToken();

        // The dispatcher's query: due pending messages, and the head of each patient's queue.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.PatientId, m.Sequence });
        builder.HasIndex(m => m.CreatedAt);
    }
}

internal sealed class HisDeliveryAttemptConfiguration : IEntityTypeConfiguration<HisDeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<HisDeliveryAttempt> builder)
    {
        builder.ToTable("HisDeliveryAttempts");
        builder.Property(a => a.Instance).HasMaxLength(100);
        builder.Property(a => a.Error).HasMaxLength(4000);
        builder.Ignore(a => a.Succeeded);
        builder.HasOne<HisOutboxMessage>().WithMany().HasForeignKey(a => a.MessageId).HasPrincipalKey(m => m.Id).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.MessageId, a.Number }).IsUnique();
    }
}

internal sealed class HisIdentityReviewConfiguration : IEntityTypeConfiguration<HisIdentityReview>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<HisIdentityReview> builder)
    {
        builder.ToTable("HisIdentityReviews");
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.LinkedHisPatientId).HasMaxLength(64);
        builder.Property(r => r.Note).HasMaxLength(500);

        // Note: the candidates are a snapshot of what the HIS said when the review was opened; they are read and
        // written whole, so they are one JSON column rather than a child table.
        builder.Property(r => r.Candidates)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<HisIdentityCandidate>>(v, Json) ?? new List<HisIdentityCandidate>(),
                new ValueComparer<IReadOnlyList<HisIdentityCandidate>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, c) => HashCode.Combine(h, c)), v => v.ToList()))
            .HasMaxLength(8000);

        builder.HasOne<Domain.Patients.Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);

        // At most one open review per patient: matching again while one is open does not pile up work for the admin.
        builder.HasIndex(r => r.PatientId).IsUnique().HasFilter("\"Status\" = 'Pending'");
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
    }
}
