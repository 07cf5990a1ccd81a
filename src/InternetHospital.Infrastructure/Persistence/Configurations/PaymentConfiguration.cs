using InternetHospital.Domain.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("Payments");
        builder.Property(p => p.Purpose).HasMaxLength(32);
        builder.Property(p => p.Amount).HasPrecision(12, 2);
        builder.Property(p => p.RefundedAmount).HasPrecision(12, 2);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Description).HasMaxLength(200);
        builder.Property(p => p.Provider).HasMaxLength(32);
        builder.Property(p => p.ProviderReference).HasMaxLength(128);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.FailureReason).HasMaxLength(500);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.Purpose, p.ReferenceId });
        builder.HasIndex(p => p.ProviderReference);
        builder.HasIndex(p => new { p.PayerAccountId, p.CreatedAt });
        builder.HasMany(p => p.Events).WithOne().HasForeignKey(e => e.PaymentId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(p => p.Events).HasField("events").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PaymentEventConfiguration : IEntityTypeConfiguration<PaymentEvent>
{
    public void Configure(EntityTypeBuilder<PaymentEvent> builder)
    {
        builder.ToTable("PaymentEvents");
        builder.Property(e => e.Type).HasMaxLength(32);
        builder.Property(e => e.Detail).HasMaxLength(500);
        builder.Property(e => e.ProviderEventId).HasMaxLength(128);

        // The database refuses to apply one provider event twice, even if two webhook deliveries race.
        builder.HasIndex(e => e.ProviderEventId).IsUnique().HasFilter("\"ProviderEventId\" IS NOT NULL");
    }
}

internal sealed class PaymentDiscrepancyConfiguration : IEntityTypeConfiguration<PaymentDiscrepancy>
{
    public void Configure(EntityTypeBuilder<PaymentDiscrepancy> builder)
    {
        builder.ToTable("PaymentDiscrepancies");
        builder.Property(d => d.Provider).HasMaxLength(32);
        builder.Property(d => d.ProviderReference).HasMaxLength(128);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.PortalAmount).HasPrecision(12, 2);
        builder.Property(d => d.ProviderAmount).HasPrecision(12, 2);
        builder.Property(d => d.Detail).HasMaxLength(500);

        // One row per provider order and kind: a callback retried all day, or a bill compared twice, adds nothing.
        builder.HasIndex(d => new { d.Provider, d.ProviderReference, d.Kind }).IsUnique();
        builder.HasIndex(d => d.FoundAt);
    }
}

internal sealed class PaymentReconciliationConfiguration : IEntityTypeConfiguration<PaymentReconciliation>
{
    public void Configure(EntityTypeBuilder<PaymentReconciliation> builder)
    {
        builder.ToTable("PaymentReconciliations");
        builder.Property(r => r.Provider).HasMaxLength(32);
        builder.Property(r => r.Error).HasMaxLength(500);

        // The claim: one run per provider and bill day, whichever instance inserts it first.
        builder.HasIndex(r => new { r.Provider, r.BillDate }).IsUnique();
    }
}
