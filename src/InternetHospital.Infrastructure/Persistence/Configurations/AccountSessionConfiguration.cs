using InternetHospital.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class AccountSessionConfiguration : IEntityTypeConfiguration<AccountSession>
{
    public void Configure(EntityTypeBuilder<AccountSession> builder)
    {
        builder.ToTable("AccountSessions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Address).HasMaxLength(64);
        builder.Property(s => s.UserAgent).HasMaxLength(AccountSessions.MaxUserAgentLength);
        builder.Property(s => s.SecurityStamp).HasMaxLength(256);
        builder.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.AccountId, s.EndedAt });
    }
}
