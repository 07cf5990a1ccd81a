using FluentValidation;
using InternetHospital.Application.Audit;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Domain.Common;
using InternetHospital.Domain.Retention;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.Retention;

public sealed record LegalHoldView(
    Guid Id,
    Guid PatientId,
    string Reason,
    Guid PlacedByAccountId,
    DateTimeOffset PlacedAt,
    DateTimeOffset? ReleasedAt,
    Guid? ReleasedByAccountId,
    string? ReleaseReason)
{
    internal static LegalHoldView Of(LegalHold h) =>
        new(h.Id, h.PatientId, h.Reason, h.PlacedByAccountId, h.PlacedAt, h.ReleasedAt, h.ReleasedByAccountId, h.ReleaseReason);
}

/// <summary>An admin puts a patient's records on legal hold: the retention job deletes nothing of theirs until it is released.</summary>
public sealed record PlaceLegalHold(Guid PatientId, string Reason) : ICommand<LegalHoldView>
{
    public sealed class Validator : AbstractValidator<PlaceLegalHold>
    {
        public Validator()
        {
            RuleFor(x => x.PatientId).NotEmpty();
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(LegalHold.MaxReasonLength);
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock) : ICommandHandler<PlaceLegalHold, LegalHoldView>
    {
        public async ValueTask<LegalHoldView> Handle(PlaceLegalHold command, CancellationToken cancellationToken)
        {
            if (!await db.Patients.AnyAsync(p => p.Id == command.PatientId, cancellationToken))
            {
                throw new NotFoundException("Patient", command.PatientId);
            }

            if (await db.LegalHolds.AnyAsync(h => h.PatientId == command.PatientId && h.ReleasedAt == null, cancellationToken))
            {
                throw new DomainConflictException("legal_hold_exists", "This patient's records are already on legal hold.");
            }

            var hold = LegalHold.Place(command.PatientId, command.Reason.Trim(), currentUser.RequireAccountId(), clock.GetUtcNow());
            db.LegalHolds.Add(hold);
            audit.Record("legal-hold.placed", nameof(LegalHold), hold.Id.ToString(), hold.PatientId, hold.Reason);
            await db.SaveChangesAsync(cancellationToken);
            return LegalHoldView.Of(hold);
        }
    }
}

/// <summary>An admin releases a legal hold, with a reason; from then on the retention periods apply again.</summary>
public sealed record ReleaseLegalHold(Guid HoldId, string Reason) : ICommand<LegalHoldView>
{
    public sealed class Validator : AbstractValidator<ReleaseLegalHold>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(LegalHold.MaxReasonLength);
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock) : ICommandHandler<ReleaseLegalHold, LegalHoldView>
    {
        public async ValueTask<LegalHoldView> Handle(ReleaseLegalHold command, CancellationToken cancellationToken)
        {
            var hold = await db.LegalHolds.SingleOrDefaultAsync(h => h.Id == command.HoldId, cancellationToken)
                ?? throw new NotFoundException(nameof(LegalHold), command.HoldId);
            hold.Release(command.Reason.Trim(), currentUser.RequireAccountId(), clock.GetUtcNow());
            audit.Record("legal-hold.released", nameof(LegalHold), hold.Id.ToString(), hold.PatientId, hold.ReleaseReason);
            await db.SaveChangesAsync(cancellationToken);
            return LegalHoldView.Of(hold);
        }
    }
}

/// <summary>Legal holds, newest first: those in force, or every hold of one patient (released ones included).</summary>
public sealed record ListLegalHolds(Guid? PatientId) : IQuery<IReadOnlyList<LegalHoldView>>
{
    public sealed class Handler(IAppDbContext db, IAuditLog audit) : IQueryHandler<ListLegalHolds, IReadOnlyList<LegalHoldView>>
    {
        public async ValueTask<IReadOnlyList<LegalHoldView>> Handle(ListLegalHolds query, CancellationToken cancellationToken)
        {
            var holds = db.LegalHolds.AsNoTracking();
            holds = query.PatientId is { } patientId ? holds.Where(h => h.PatientId == patientId) : holds.Where(h => h.ReleasedAt == null);
            var rows = await holds.OrderByDescending(h => h.PlacedAt).Take(500).ToListAsync(cancellationToken);
            audit.Record("legal-hold.listed", nameof(LegalHold), null, query.PatientId);
            await db.SaveChangesAsync(cancellationToken);
            return rows.Select(LegalHoldView.Of).ToList();
        }
    }
}
