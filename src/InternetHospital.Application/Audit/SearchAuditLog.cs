namespace InternetHospital.Application.Audit;

/// <summary>
/// "Who saw this patient's data between these dates" (domain rule 14), or what one person did. Admins only; the
/// search itself is audited.
/// </summary>
public sealed record SearchAuditLog(
    Guid? PatientId, Guid? ActorAccountId, DateTimeOffset? From, DateTimeOffset? To, int Page = 1, int PageSize = 50, string? Action = null, string? Actor = null)
    : IQuery<PagedList<AuditLogLine>>
{
    public sealed class Validator : AbstractValidator<SearchAuditLog>
    {
        public Validator()
        {
            Include(new AuditLogFilter.Validator<SearchAuditLog>(x => new AuditLogFilter(x.PatientId, x.ActorAccountId, x.From, x.To, x.Action, x.Actor)));
            RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
            RuleFor(x => x.PageSize).InclusiveBetween(1, PagedList<AuditLogLine>.MaxPageSize);
        }
    }

    public sealed class Handler(IAppDbContext db, IAccountService accounts, IAuditLog audit) : IQueryHandler<SearchAuditLog, PagedList<AuditLogLine>>
    {
        public async ValueTask<PagedList<AuditLogLine>> Handle(SearchAuditLog query, CancellationToken cancellationToken)
        {
            var filter = new AuditLogFilter(query.PatientId, query.ActorAccountId, query.From, query.To, query.Action, query.Actor);
            var entries = await filter.ApplyAsync(db, accounts, cancellationToken);
            var total = await entries.CountAsync(cancellationToken);
            var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
                .ToListAsync(cancellationToken);

            audit.Record("audit.searched", "AuditLog", null, query.PatientId, filter.Describe());
            var lines = await AuditLogFilter.ToLinesAsync(rows, accounts, cancellationToken);
            return new PagedList<AuditLogLine>(lines, query.Page, query.PageSize, total);
        }
    }
}

/// <summary>
/// The filters the audit search and its CSV export share: a patient, a person (by account id, or by name or exact
/// e-mail), an action code and a period. At least a patient, a person or an action is required, so nobody pages
/// through the whole log by accident.
/// </summary>
public sealed record AuditLogFilter(Guid? PatientId, Guid? ActorAccountId, DateTimeOffset? From, DateTimeOffset? To, string? Action, string? Actor)
{
    /// <summary>How many accounts a name search may match; a name common enough to match more is too vague to audit by.</summary>
    public const int MaxActorMatches = 50;

    public sealed class Validator<T> : AbstractValidator<T>
    {
        public Validator(Func<T, AuditLogFilter> filterOf)
        {
            RuleFor(x => filterOf(x)).Must(f => f.PatientId is not null || f.ActorAccountId is not null || !string.IsNullOrWhiteSpace(f.Actor) || !string.IsNullOrWhiteSpace(f.Action))
                .WithName("patientId").WithLocalizedMessage("audit_search_subject_required");
            RuleFor(x => filterOf(x).To).GreaterThan(x => filterOf(x).From).When(x => filterOf(x).From is not null && filterOf(x).To is not null).WithName("to");
            RuleFor(x => filterOf(x).Action).MaximumLength(100).Matches("^[a-z0-9_.]+$").When(x => !string.IsNullOrEmpty(filterOf(x).Action)).WithName("action");
            RuleFor(x => filterOf(x).Actor).Length(2, 100).When(x => !string.IsNullOrWhiteSpace(filterOf(x).Actor)).WithName("actor");
        }
    }

    public async Task<IQueryable<Domain.Audit.AuditEntry>> ApplyAsync(IAppDbContext db, IAccountService accounts, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (PatientId is { } patientId)
        {
            entries = entries.Where(e => e.PatientId == patientId);
        }

        if (ActorAccountId is { } actor)
        {
            entries = entries.Where(e => e.ActorAccountId == actor);
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var ids = await accounts.FindIdsByNameOrEmailAsync(Actor.Trim(), MaxActorMatches, cancellationToken);
            entries = entries.Where(e => e.ActorAccountId != null && ids.Contains(e.ActorAccountId.Value));
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            entries = entries.Where(e => e.Action == Action);
        }

        if (From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        return entries;
    }

    /// <summary>What was searched for, for the audit entry of the search itself (the patient is its own column).</summary>
    public string? Describe()
    {
        var parts = new List<string>();
        if (ActorAccountId is { } id)
        {
            parts.Add($"actor {id}");
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            parts.Add($"actor \"{Actor.Trim()}\"");
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            parts.Add($"action {Action}");
        }

        if (From is not null || To is not null)
        {
            parts.Add($"from {From:O} to {To:O}");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    public static async Task<List<AuditLogLine>> ToLinesAsync(IReadOnlyList<Domain.Audit.AuditEntry> rows, IAccountService accounts, CancellationToken cancellationToken)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var actorId in rows.Where(r => r.ActorAccountId is not null).Select(r => r.ActorAccountId!.Value).Distinct())
        {
            names[actorId] = (await accounts.FindAsync(actorId, cancellationToken))?.FullName ?? string.Empty;
        }

        return rows.Select(r => new AuditLogLine(
            r.Id, r.At, r.ActorAccountId, r.ActorAccountId is { } a ? names.GetValueOrDefault(a) : null, r.ActorRoles,
            r.PatientId, r.Action, r.Resource, r.ResourceId, r.IpAddress, r.Detail)).ToList();
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
