using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternetHospital.Infrastructure.Persistence.Configurations;

internal sealed class DepartmentConditionsConfiguration : IEntityTypeConfiguration<DepartmentConditions>
{
    public void Configure(EntityTypeBuilder<DepartmentConditions> builder)
    {
        builder.ToTable("DepartmentConditions");
        builder.HasKey(c => c.DepartmentId);
        builder.HasOne<Department>().WithOne().HasForeignKey<DepartmentConditions>(c => c.DepartmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScheduleTemplateConfiguration : IEntityTypeConfiguration<ScheduleTemplate>
{
    public void Configure(EntityTypeBuilder<ScheduleTemplate> builder)
    {
        builder.ToTable("ScheduleTemplates");
        builder.HasIndex(t => t.DoctorId).IsUnique();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<Doctor>().WithMany().HasForeignKey(t => t.DoctorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Sessions).WithOne().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Sessions).HasField("sessions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ScheduleSessionConfiguration : IEntityTypeConfiguration<ScheduleSession>
{
    public void Configure(EntityTypeBuilder<ScheduleSession> builder)
    {
        builder.ToTable("ScheduleSessions");
        builder.Property(s => s.Day).HasConversion<string>().HasMaxLength(10);
    }
}

internal sealed class SlotConfiguration : IEntityTypeConfiguration<Slot>
{
    public void Configure(EntityTypeBuilder<Slot> builder)
    {
        builder.ToTable("Slots");
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.CancellationReason).HasMaxLength(200);
        builder.Property(s => s.Version).IsConcurrencyToken();

        // Note: one slot per doctor and start time, so two instances extending the horizon at once cannot duplicate.
        builder.HasIndex(s => new { s.DoctorId, s.Start }).IsUnique();
        builder.HasIndex(s => new { s.DoctorId, s.LocalDate });
        builder.HasIndex(s => new { s.DepartmentId, s.Start });
        builder.HasIndex(s => new { s.Status, s.Start });
        builder.HasOne<Doctor>().WithMany().HasForeignKey(s => s.DoctorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BlockedPeriodConfiguration : IEntityTypeConfiguration<BlockedPeriod>
{
    public void Configure(EntityTypeBuilder<BlockedPeriod> builder)
    {
        builder.ToTable("BlockedPeriods");
        builder.Property(b => b.Reason).HasMaxLength(200);
        builder.HasIndex(b => new { b.DoctorId, b.Start });
        builder.HasOne<Doctor>().WithMany().HasForeignKey(b => b.DoctorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.ToTable("Appointments");
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.VisitType).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.FollowUpBasis).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.CancelledBy).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.CancellationReason).HasMaxLength(32);
        builder.Property(a => a.CancellationNote).HasMaxLength(500);
        builder.Property(a => a.ReviewNote).HasMaxLength(500);
        builder.Property(a => a.AttendingName).HasMaxLength(100);
        builder.Property(a => a.AttendingRelation).HasMaxLength(16);
        builder.Property(a => a.FollowUpDiagnosisCode).HasMaxLength(16);
        builder.Property(a => a.Fee).HasPrecision(12, 2);
        builder.Property(a => a.Currency).HasMaxLength(3);
        builder.Property(a => a.Version).IsConcurrencyToken();

        // The database, not only the code, guarantees one live appointment per slot and one per patient, doctor and day.
        builder.HasIndex(a => a.OccupiedSlotId).IsUnique().HasDatabaseName(AppointmentIndexes.OneAppointmentPerSlot);
        builder.HasIndex(a => new { a.ActivePatientId, a.DoctorId, a.LocalDate }).IsUnique().HasDatabaseName(AppointmentIndexes.OnePerPatientDoctorDay);

        builder.HasIndex(a => new { a.PatientId, a.Start });
        builder.HasIndex(a => new { a.DoctorId, a.Start });
        builder.HasIndex(a => new { a.Status, a.HoldExpiresAt });
        builder.HasIndex(a => new { a.Status, a.Start });
        builder.HasIndex(a => a.SlotId);
        builder.HasOne<Slot>().WithMany().HasForeignKey(a => a.SlotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Doctor>().WithMany().HasForeignKey(a => a.DoctorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Patients.Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppointmentReminderConfiguration : IEntityTypeConfiguration<AppointmentReminder>
{
    public void Configure(EntityTypeBuilder<AppointmentReminder> builder)
    {
        builder.ToTable("AppointmentReminders");
        // Note: the key is what makes a reminder once-only when several instances' jobs reach it together.
        builder.HasKey(r => new { r.AppointmentId, r.Kind, r.For });
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(8);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(r => r.AppointmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<WaitlistEntry> builder)
    {
        builder.ToTable("WaitlistEntries");
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(w => w.VisitType).HasConversion<string>().HasMaxLength(16);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.HasIndex(w => new { w.WaitingPatientId, w.DoctorId, w.Date }).IsUnique();
        builder.HasIndex(w => new { w.DoctorId, w.Date, w.Status, w.CreatedAt });
        builder.HasIndex(w => w.PatientId);
        builder.HasOne<Doctor>().WithMany().HasForeignKey(w => w.DoctorId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Names of the unique indexes behind booking invariants, so a violation maps to the right problem code.</summary>
internal static class AppointmentIndexes
{
    public const string OneAppointmentPerSlot = "UX_Appointments_OccupiedSlotId";
    public const string OnePerPatientDoctorDay = "UX_Appointments_ActivePatient_Doctor_Day";
}
