using System.Data.Common;
using System.Runtime.CompilerServices;
using InternetHospital.Application.Care;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InternetHospital.Infrastructure.Caching;

/// <summary>
/// Invalidates the availability cache after every save that changes what a doctor offers: a slot added, changed
/// (blocked, cancelled, re-planned) or removed; an appointment that takes or lets go of a slot (booking, cancelling,
/// rescheduling, a hold expiring); a doctor added or removed. Done here, in the unit of work, so every use case and
/// background job is covered without calling anything. Inside an explicit transaction it runs again on commit.
/// </summary>
internal sealed class AvailabilityInvalidation
{
    // Note: no lock of our own. The table is thread-safe, and each context's set is only touched by that context's
    // save and commit, which never run at once; a process-wide lock here was 7.6% of the booking benchmark's thread
    // time, every save queueing behind whichever one the scheduler had just paused.
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> pending = new();
    private readonly IAvailabilityCache cache;

    public AvailabilityInvalidation(IAvailabilityCache cache)
    {
        this.cache = cache;
        SaveInterceptor = new OnSave(this);
        TransactionInterceptor = new OnCommit(this);
    }

    public IInterceptor SaveInterceptor { get; }

    public IInterceptor TransactionInterceptor { get; }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        HashSet<Guid>? doctors = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            Guid? doctorId = entry.Entity switch
            {
                Slot slot => slot.DoctorId,
                Appointment appointment when entry.State is not EntityState.Modified || entry.Property(nameof(Appointment.OccupiedSlotId)).IsModified => appointment.DoctorId,
                Doctor doctor when entry.State is not EntityState.Modified => doctor.Id,
                _ => null,
            };
            if (doctorId is { } id)
            {
                (doctors ??= []).Add(id);
            }
        }

        if (doctors is not null)
        {
            pending.GetOrCreateValue(context).UnionWith(doctors);
        }
    }

    private void Flush(DbContext? context, bool keepForCommit)
    {
        if (context is null)
        {
            return;
        }

        if (!pending.TryGetValue(context, out var set) || set.Count == 0)
        {
            return;
        }

        Guid[] doctors = [.. set];
        if (!keepForCommit)
        {
            set.Clear();
        }

        cache.Invalidate(doctors);
    }

    private void Drop(DbContext? context, bool evenInTransaction = false)
    {
        if (context is not null && (evenInTransaction || context.Database.CurrentTransaction is null))
        {
            pending.Remove(context);
        }
    }

    private sealed class OnSave(AvailabilityInvalidation owner) : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            owner.Collect(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            owner.Collect(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            owner.Flush(eventData.Context, InTransaction(eventData.Context));
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            owner.Flush(eventData.Context, InTransaction(eventData.Context));
            return ValueTask.FromResult(result);
        }

        public override void SaveChangesFailed(DbContextErrorEventData eventData) => owner.Drop(eventData.Context);

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            owner.Drop(eventData.Context);
            return Task.CompletedTask;
        }

        private static bool InTransaction(DbContext? context) => context?.Database.CurrentTransaction is not null;
    }

    private sealed class OnCommit(AvailabilityInvalidation owner) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => owner.Flush(eventData.Context, keepForCommit: false);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            owner.Flush(eventData.Context, keepForCommit: false);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => owner.Drop(eventData.Context, evenInTransaction: true);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            owner.Drop(eventData.Context, evenInTransaction: true);
            return Task.CompletedTask;
        }
    }
}
