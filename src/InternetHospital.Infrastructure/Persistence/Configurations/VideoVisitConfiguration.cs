using InternetHospital.Domain.VideoVisits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class VideoVisitConfiguration : IEntityTypeConfiguration<VideoVisit>
{
    public void Configure(EntityTypeBuilder<VideoVisit> builder)
    {
        builder.ToTable("VideoVisits");

        // Note: the visit's id is its appointment's id (one visit per appointment), so a second check-in racing the
        // first cannot create a second visit: the primary key refuses it.
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.ReferralReason).HasConversion<string>().HasMaxLength(24);
        builder.Property(v => v.ReferralDetail).HasMaxLength(1000);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasIndex(v => new { v.DoctorId, v.ScheduledStart });
        builder.HasIndex(v => v.PatientId);

        builder.HasMany(v => v.Events).WithOne().HasForeignKey(e => e.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(v => v.Events).HasField("events").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(v => v.Invitations).WithOne().HasForeignKey(i => i.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(v => v.Invitations).HasField("invitations").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(v => v.Addenda).WithOne().HasForeignKey(a => a.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(v => v.Addenda).HasField("addenda").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne(v => v.Note).WithOne().HasForeignKey<VisitNote>(n => n.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.RecordingBlockedBy).HasMaxLength(64);
        builder.HasMany(v => v.RecordingConsents).WithOne().HasForeignKey(c => c.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(v => v.RecordingConsents).HasField("recordingConsents").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class VisitNoteConfiguration : IEntityTypeConfiguration<VisitNote>
{
    public void Configure(EntityTypeBuilder<VisitNote> builder)
    {
        builder.ToTable("VisitNotes");
        builder.HasKey(n => n.VisitId);
        builder.Property(n => n.ChiefComplaint).HasMaxLength(NoteContent.MaxTextLength);
        builder.Property(n => n.History).HasMaxLength(NoteContent.MaxTextLength);
        builder.Property(n => n.Assessment).HasMaxLength(NoteContent.MaxTextLength);
        builder.Property(n => n.Plan).HasMaxLength(NoteContent.MaxTextLength);
        builder.Property(n => n.FollowUpAdvice).HasMaxLength(NoteContent.MaxTextLength);
        builder.Property(n => n.SignedByName).HasMaxLength(100);
        builder.Property(n => n.ContentHash).HasMaxLength(64);
        builder.HasMany(n => n.Diagnoses).WithOne().HasForeignKey(d => d.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Diagnoses).HasField("diagnoses").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class VisitDiagnosisConfiguration : IEntityTypeConfiguration<VisitDiagnosis>
{
    public void Configure(EntityTypeBuilder<VisitDiagnosis> builder)
    {
        builder.ToTable("VisitDiagnoses");
        builder.Property(d => d.Icd10Code).HasMaxLength(10);
        builder.Property(d => d.Description).HasMaxLength(200);
    }
}

internal sealed class VisitEventConfiguration : IEntityTypeConfiguration<VisitEvent>
{
    public void Configure(EntityTypeBuilder<VisitEvent> builder)
    {
        builder.ToTable("VisitEvents");
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.Detail).HasMaxLength(200);
        builder.HasIndex(e => new { e.VisitId, e.At });
    }
}

internal sealed class VisitInvitationConfiguration : IEntityTypeConfiguration<VisitInvitation>
{
    public void Configure(EntityTypeBuilder<VisitInvitation> builder)
    {
        builder.ToTable("VisitInvitations");
        builder.HasIndex(i => new { i.VisitId, i.SpecialistAccountId }).IsUnique();
        builder.HasIndex(i => i.SpecialistAccountId);
    }
}

internal sealed class VisitAddendumConfiguration : IEntityTypeConfiguration<VisitAddendum>
{
    public void Configure(EntityTypeBuilder<VisitAddendum> builder)
    {
        builder.ToTable("VisitAddenda");
        builder.Property(a => a.Text).HasMaxLength(4000);
        builder.Property(a => a.AuthorName).HasMaxLength(100);
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.HasIndex(a => new { a.VisitId, a.Sequence }).IsUnique();
    }
}

internal sealed class VisitMessageConfiguration : IEntityTypeConfiguration<VisitMessage>
{
    public void Configure(EntityTypeBuilder<VisitMessage> builder)
    {
        builder.ToTable("VisitMessages");
        builder.Property(m => m.SenderRole).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Text).HasMaxLength(VisitMessage.MaxTextLength);
        builder.HasIndex(m => new { m.VisitId, m.SentAt });
        builder.HasOne<VideoVisit>().WithMany().HasForeignKey(m => m.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Files.StoredFile>().WithMany().HasForeignKey(m => m.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VisitConnectionConfiguration : IEntityTypeConfiguration<VisitConnection>
{
    public void Configure(EntityTypeBuilder<VisitConnection> builder)
    {
        builder.ToTable("VisitConnections");
        builder.HasKey(c => new { c.ConnectionId, c.VisitId });
        builder.Property(c => c.ConnectionId).HasMaxLength(64);
        builder.Property(c => c.PeerId).HasMaxLength(64);
        builder.Property(c => c.Role).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(c => c.IsInCall);
        builder.HasIndex(c => new { c.VisitId, c.PeerId });
        builder.HasOne<VideoVisit>().WithMany().HasForeignKey(c => c.VisitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsultingSessionConfiguration : IEntityTypeConfiguration<ConsultingSession>
{
    public void Configure(EntityTypeBuilder<ConsultingSession> builder)
    {
        builder.ToTable("ConsultingSessions");
        builder.Property(s => s.Method).HasMaxLength(16);
        builder.HasIndex(s => new { s.AccountId, s.ExpiresAt });
    }
}

internal sealed class VisitGuestConfiguration : IEntityTypeConfiguration<VisitGuest>
{
    public void Configure(EntityTypeBuilder<VisitGuest> builder)
    {
        builder.ToTable("VisitGuests");
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.TokenHash).HasMaxLength(64);
        builder.Property(g => g.DeviceHash).HasMaxLength(64);
        builder.Property(g => g.Email).HasMaxLength(256);
        builder.Property(g => g.Name).HasMaxLength(100);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.Ignore(g => g.IsRevoked);
        builder.HasIndex(g => g.TokenHash).IsUnique();
        builder.HasIndex(g => g.VisitId);
        builder.HasOne<VideoVisit>().WithMany().HasForeignKey(g => g.VisitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RecordingConsentConfiguration : IEntityTypeConfiguration<RecordingConsent>
{
    public void Configure(EntityTypeBuilder<RecordingConsent> builder)
    {
        builder.ToTable("RecordingConsents");
        builder.Property(c => c.Role).HasConversion<string>().HasMaxLength(16);

        // Note: one answer per person and visit; a changed answer updates it (the trace keeps both).
        builder.HasIndex(c => new { c.VisitId, c.AccountId }).IsUnique();
    }
}

internal sealed class VisitRecordingConfiguration : IEntityTypeConfiguration<VisitRecording>
{
    public void Configure(EntityTypeBuilder<VisitRecording> builder)
    {
        builder.ToTable("VisitRecordings");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Participant).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(64);
        builder.Property(r => r.Sha256).HasMaxLength(64);
        builder.Property(r => r.WrappedKey).HasMaxLength(1000);
        builder.HasIndex(r => r.VisitId);
        builder.HasIndex(r => r.RecordedAt);
        builder.HasOne<VideoVisit>().WithMany().HasForeignKey(r => r.VisitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VisitRecordingChunkConfiguration : IEntityTypeConfiguration<VisitRecordingChunk>
{
    public void Configure(EntityTypeBuilder<VisitRecordingChunk> builder)
    {
        builder.ToTable("VisitRecordingChunks");
        builder.HasKey(c => new { c.RecordingId, c.Index });
        builder.HasOne<VisitRecording>().WithMany().HasForeignKey(c => c.RecordingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecordingJobConfiguration : IEntityTypeConfiguration<RecordingJob>
{
    public void Configure(EntityTypeBuilder<RecordingJob> builder)
    {
        builder.ToTable("RecordingJobs");
        builder.HasKey(j => j.VisitId);
        builder.Property(j => j.LastError).HasMaxLength(500);
        builder.Property(j => j.ClaimedBy).HasMaxLength(128);
        builder.HasIndex(j => j.CompletedAt);
        builder.HasOne<VideoVisit>().WithMany().HasForeignKey(j => j.VisitId).OnDelete(DeleteBehavior.Restrict);
    }
}
