using InternetHospital.Domain.VideoVisits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class VisitBroadcastConfiguration : IEntityTypeConfiguration<VisitBroadcast>
{
    public void Configure(EntityTypeBuilder<VisitBroadcast> builder)
    {
        builder.ToTable("VisitBroadcasts");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.SourceConnectionId).HasMaxLength(64);
        builder.Property(b => b.CommentatorConnectionId).HasMaxLength(64);
        builder.Ignore(b => b.IsLive);
        builder.HasIndex(b => new { b.VisitId, b.EndedAt });
        builder.HasIndex(b => b.EndedAt);
        builder.HasOne<VideoVisit>().WithMany().HasForeignKey(b => b.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Viewers).WithOne().HasForeignKey(v => v.BroadcastId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Viewers).HasField("viewers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BroadcastViewerConfiguration : IEntityTypeConfiguration<BroadcastViewer>
{
    public void Configure(EntityTypeBuilder<BroadcastViewer> builder)
    {
        builder.ToTable("BroadcastViewers");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Role).HasMaxLength(32);
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Ignore(v => v.IsWatching);
        builder.HasIndex(v => new { v.BroadcastId, v.AccountId });
    }
}
