using InternetHospital.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Kind).HasMaxLength(64);
        builder.Property(n => n.ParametersJson).HasMaxLength(4000);
        builder.Property(n => n.Link).HasMaxLength(300);

        // The notification centre: a person's newest first, and their unread count.
        builder.HasIndex(n => new { n.AccountId, n.CreatedAt });
        builder.HasIndex(n => new { n.AccountId, n.ReadAt });
    }
}

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> builder)
    {
        builder.ToTable("EmailOutbox");
        builder.Property(e => e.To).HasMaxLength(254);
        builder.Property(e => e.Subject).HasMaxLength(300);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });
        builder.HasMany(e => e.Attachments).WithOne().HasForeignKey("EmailMessageId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Attachments).HasField("attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EmailAttachmentConfiguration : IEntityTypeConfiguration<EmailAttachment>
{
    public void Configure(EntityTypeBuilder<EmailAttachment> builder)
    {
        builder.ToTable("EmailAttachments");
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
    }
}

internal sealed class SmsMessageConfiguration : IEntityTypeConfiguration<SmsMessage>
{
    public void Configure(EntityTypeBuilder<SmsMessage> builder)
    {
        builder.ToTable("SmsOutbox");
        builder.Property(e => e.To).HasMaxLength(20);
        builder.Property(e => e.TemplateKey).HasMaxLength(64);
        builder.Property(e => e.ParametersJson).HasMaxLength(1000);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });
    }
}

internal sealed class MobileCodeConfiguration : IEntityTypeConfiguration<MobileCode>
{
    public void Configure(EntityTypeBuilder<MobileCode> builder)
    {
        builder.ToTable("MobileCodes");
        builder.Property(c => c.Mobile).HasMaxLength(20);
        builder.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.Property(c => c.ClientAddress).HasMaxLength(64);

        // The latest code of a number, and the sends of the last hour per number and per address.
        builder.HasIndex(c => new { c.Mobile, c.CreatedAt });
        builder.HasIndex(c => new { c.ClientAddress, c.CreatedAt });
    }
}

internal sealed class MobileCodeLockoutConfiguration : IEntityTypeConfiguration<MobileCodeLockout>
{
    public void Configure(EntityTypeBuilder<MobileCodeLockout> builder)
    {
        builder.ToTable("MobileCodeLockouts");
        builder.HasKey(l => l.Mobile);
        builder.Property(l => l.Mobile).HasMaxLength(20);
    }
}
