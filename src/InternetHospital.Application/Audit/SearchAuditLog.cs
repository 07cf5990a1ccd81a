using FluentValidation;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.Audit;

/// <summary>
/// "Who saw this patient's data between these dates" (domain rule 14), or what one person did. Admins only; the
/// search itself is audited.
/// </summary>
public sealed record SearchAuditLog(Guid? PatientId, Guid? ActorAccountId, DateTimeOffset? From, DateTimeOffset? To, int Page = 1, int PageSize = 50)
    : IQuery<PagedList<AuditLogLine>>
{
    public sealed class Validator : AbstractValidator<SearchAuditLog>
    {
        public Validator()
        {
            RuleFor(x => x).Must(x => x.PatientId is not null || x.ActorAccountId is not null)
                .WithName("patientId").WithLocalizedMessage("audit_search_subject_required");
            RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null);
            RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
            RuleFor(x => x.PageSize).InclusiveBetween(1, PagedList<AuditLogLine>.MaxPageSize);
        }
    }

    public sealed class Handler(IAppDbContext db, IAccountService accounts, IAuditLog audit) : IQueryHandler<SearchAuditLog, PagedList<AuditLogLine>>
    {
        public async ValueTask<PagedList<AuditLogLine>> Handle(SearchAuditLog query, CancellationToken cancellationToken)
        {
            var entries = db.AuditEntries.AsNoTracking();
            if (query.PatientId is { } patientId)
            {
                entries = entries.Where(e => e.PatientId == patientId);
            }

            if (query.ActorAccountId is { } actor)
            {
                entries = entries.Where(e => e.ActorAccountId == actor);
            }

            if (query.From is { } from)
            {
                entries = entries.Where(e => e.At >= from);
            }

            if (query.To is { } to)
            {
                entries = entries.Where(e => e.At < to);
            }

            var total = await entries.CountAsync(cancellationToken);
            var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
                .ToListAsync(cancellationToken);

            var names = new Dictionary<Guid, string>();
            foreach (var actorId in rows.Where(r => r.ActorAccountId is not null).Select(r => r.ActorAccountId!.Value).Distinct())
            {
                names[actorId] = (await accounts.FindAsync(actorId, cancellationToken))?.FullName ?? string.Empty;
            }

            audit.Record("audit.searched", "AuditLog", null, query.PatientId, query.ActorAccountId is null ? null : $"actor {query.ActorAccountId}");
            var lines = rows.Select(r => new AuditLogLine(
                r.Id, r.At, r.ActorAccountId, r.ActorAccountId is { } a ? names.GetValueOrDefault(a) : null, r.ActorRoles,
                r.PatientId, r.Action, r.Resource, r.ResourceId, r.IpAddress, r.Detail)).ToList();
            return new PagedList<AuditLogLine>(lines, query.Page, query.PageSize, total);
        }
    }
}

public sealed record AuditLogLine(
    Guid Id,
    DateTimeOffset At,
    Guid? ActorAccountId,
    string? ActorName,
    string? ActorRoles,
    Guid? PatientId,
    string Action,
    string Resource,
    string? ResourceId,
    string? IpAddress,
    string? Detail);
