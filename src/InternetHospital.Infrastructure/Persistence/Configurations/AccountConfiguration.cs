using InternetHospital.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.Property(a => a.FullName).HasMaxLength(100);
        builder.Property(a => a.PreferredLanguage).HasMaxLength(10);
        builder.Property(a => a.TimeZone).HasMaxLength(64);
        builder.Property(a => a.EmailNotifications).HasDefaultValue(true);
        builder.Property(a => a.SmsNotifications).HasDefaultValue(true);

        // Note: sign-in by SMS code looks accounts up by their verified number.
        builder.HasIndex(a => a.PhoneNumber);

        // Note: Identity only checks e-mail uniqueness in code; the unique index closes the race between two registrations.
        builder.HasIndex(a => a.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
    }
}
