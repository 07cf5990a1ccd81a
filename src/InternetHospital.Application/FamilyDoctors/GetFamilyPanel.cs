using InternetHospital.Application.Renewals;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>
/// The family doctor's panel: every patient signed with one of the doctor's teams, searchable, filterable and
/// sortable, one page at a time. Flags are computed in SQL from the source tables (each filter has an index behind
/// it), so they are never stale; the one value owned by another feature, pending prescription-renewal requests, is a
/// count kept on <see cref="CareProfile"/> through <see cref="PendingRenewalsChanged"/>. Sort fields come from an
/// allow-list (domain rule 21).
/// </summary>
public sealed record GetFamilyPanel(
    string? Search = null,
    string? Condition = null,
    string? Risk = null,
    bool Overdue = false,
    bool Abnormal = false,
    bool Renewals = false,
    bool Unread = false,
    bool Alerts = false,
    string? Sort = null,
    bool Descending = false,
    int Page = 1,
    int PageSize = 20) : IQuery<PagedList<PanelPatient>>
{
    /// <summary>Readings out of target this recently count as "abnormal recent readings".</summary>
    public static readonly TimeSpan RecentReadings = TimeSpan.FromDays(7);

    /// <summary>The sort fields a client may ask for; "priority" (open alerts, abnormal readings, risk) is the default.</summary>
    public static readonly IReadOnlyList<string> SortFields = ["priority", "name", "age", "risk", "nextFollowUp", "lastReading", "signedAt", "contractEnds"];

    /// <summary>A risk level by its name (<c>High</c>), never by number, so only the named levels are accepted.</summary>
    public static RiskLevel? ParseRisk(string? value) =>
        value is not null && !int.TryParse(value, out _) && Enum.TryParse<RiskLevel>(value, ignoreCase: true, out var risk) && Enum.IsDefined(risk) ? risk : null;

    public sealed class Validator : AbstractValidator<GetFamilyPanel>
    {
        public Validator()
        {
            RuleFor(x => x.Search).MaximumLength(50);
            RuleFor(x => x.Condition).Must(ChronicConditions.IsKnown).When(x => x.Condition is not null)
                .WithLocalizedMessage("unknown_condition", string.Join(", ", ChronicConditions.All));
            RuleFor(x => x.Risk).Must(r => ParseRisk(r) is not null).When(x => x.Risk is not null)
                .WithLocalizedMessage("unknown_risk", string.Join(", ", Enum.GetNames<RiskLevel>()));
            RuleFor(x => x.Sort).Must(s => SortFields.Contains(s!, StringComparer.Ordinal)).When(x => x.Sort is not null)
                .WithLocalizedMessage("unknown_sort", string.Join(", ", SortFields));
            RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
            RuleFor(x => x.PageSize).InclusiveBetween(1, PagedList<PanelPatient>.MaxPageSize);
        }
    }

    public sealed class Handler(IAppDbContext db, IFamilyAccess access, IAuditLog audit, TimeProvider clock) : IQueryHandler<GetFamilyPanel, PagedList<PanelPatient>>
    {
        public async ValueTask<PagedList<PanelPatient>> Handle(GetFamilyPanel query, CancellationToken cancellationToken)
        {
            var teams = await access.CurrentDoctorTeamIdsAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var today = access.Today();
            var rows = PanelRows(db, teams, now, now - RecentReadings);

            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var search = query.Search.Trim();
                rows = rows.Where(r => r.Name.Contains(search) || r.MaskedIdNumber.EndsWith(search));
            }

            if (query.Condition is { } condition)
            {
                rows = rows.Where(r => db.CareConditions.Any(x => x.PatientId == r.PatientId && x.Code == condition));
            }

            if (ParseRisk(query.Risk) is { } risk)
            {
                rows = rows.Where(r => r.Risk == risk);
            }

            if (query.Overdue)
            {
                rows = rows.Where(r => r.NextFollowUpOn < today);
            }

            if (query.Abnormal)
            {
                rows = rows.Where(r => r.AbnormalRecentReadings);
            }

            if (query.Renewals)
            {
                rows = rows.Where(r => r.PendingRenewalRequests > 0);
            }

            if (query.Unread)
            {
                rows = rows.Where(r => r.UnreadMessages > 0);
            }

            if (query.Alerts)
            {
                rows = rows.Where(r => r.OpenAlerts > 0);
            }

            var total = await rows.CountAsync(cancellationToken);

            // Note: two steps. The first computes only what the filters and the sort need, for every row; the
            // second computes the rest of the figures for the page's rows alone.
            var ids = await Sort(rows, query.Sort ?? "priority", query.Descending)
                .Skip((query.Page - 1) * query.PageSize)
                .Take(query.PageSize)
                .Select(r => r.PatientId)
                .ToListAsync(cancellationToken);
            var found = await PanelRows(db, teams, now, now - RecentReadings).Where(r => ids.Contains(r.PatientId)).ToListAsync(cancellationToken);
            var page = ids.Select(id => found.Single(r => r.PatientId == id)).ToList();

            var conditions = (await db.CareConditions.AsNoTracking().Where(x => ids.Contains(x.PatientId)).ToListAsync(cancellationToken))
                .ToLookup(x => x.PatientId, x => x.Code);

            var items = page.Select(r => new PanelPatient(
                    r.PatientId,
                    r.ContractId,
                    r.Name,
                    r.Sex,
                    AgeOn(r.DateOfBirth, today),
                    r.MaskedIdNumber,
                    r.Risk,
                    conditions[r.PatientId].Order(StringComparer.Ordinal).ToList(),
                    r.NextFollowUpOn,
                    r.NextFollowUpOn < today,
                    r.LastReadingAt,
                    r.AbnormalRecentReadings,
                    r.OpenAlerts,
                    r.UnreadMessages,
                    r.PendingRenewalRequests,
                    r.StartsAt!.Value,
                    r.EndsAt!.Value,
                    r.RenewalRequested))
                .ToList();
            // Note: a panel row shows health information (conditions, risk, readings), so each patient on the page
            // gets an audit entry: "who saw this patient" must include who saw them in a list.
            foreach (var item in items)
            {
                audit.Record("family.panel.read", "Patient", item.PatientId.ToString(), item.PatientId);
            }

            return new PagedList<PanelPatient>(items, query.Page, query.PageSize, total);
        }

        /// <summary>One row per patient in force with the teams, with the per-patient figures as correlated subqueries.</summary>
        internal static IQueryable<PanelRow> PanelRows(IAppDbContext db, IReadOnlyList<Guid> teams, DateTimeOffset now, DateTimeOffset recentSince) =>
            from c in db.FamilyContracts
            join p in db.Patients on c.PatientId equals p.Id
            join profile in db.CareProfiles on c.PatientId equals profile.PatientId
            where teams.Contains(c.TeamId) && c.Status == ContractStatus.Active && c.EndsAt > now
            select new PanelRow
            {
                PatientId = p.Id,
                ContractId = c.Id,
                TeamId = c.TeamId,
                Name = p.FullName,
                Sex = p.Sex,
                DateOfBirth = p.DateOfBirth,
                MaskedIdNumber = p.IdNumberMasked,
                StartsAt = c.StartsAt,
                EndsAt = c.EndsAt,
                RenewalRequested = c.RenewalRequestedAt != null,
                Risk = profile.RiskLevel,
                PendingRenewalRequests = profile.PendingRenewalRequests,
                NextFollowUpOn = db.FollowUpTasks.Where(t => t.PatientId == c.PatientId && t.Status == FollowUpTaskStatus.Due).Min(t => (DateOnly?)t.DueOn),
                LastReadingAt = db.HomeMeasurements.Where(m => m.PatientId == c.PatientId).Max(m => (DateTimeOffset?)m.MeasuredAt),
                AbnormalRecentReadings = db.HomeMeasurements.Any(m => m.PatientId == c.PatientId && m.Flag >= MeasurementFlag.OutOfTarget && m.MeasuredAt >= recentSince),
                OpenAlerts = db.MeasurementAlerts.Count(a => a.PatientId == c.PatientId && a.TeamId == c.TeamId && a.AcknowledgedAt == null),
                UnreadMessages = db.FamilyMessages.Count(m => m.PatientId == c.PatientId && m.TeamId == c.TeamId && m.Side == MessageSide.Patient && m.ReadAt == null),
            };

        private static IQueryable<PanelRow> Sort(IQueryable<PanelRow> rows, string sort, bool descending)
        {
            IOrderedQueryable<PanelRow> ordered = sort switch
            {
                "name" => descending ? rows.OrderByDescending(r => r.Name) : rows.OrderBy(r => r.Name),

                // Note: older people first when descending: age grows as the date of birth falls.
                "age" => descending ? rows.OrderBy(r => r.DateOfBirth) : rows.OrderByDescending(r => r.DateOfBirth),
                "risk" => descending ? rows.OrderByDescending(r => r.Risk) : rows.OrderBy(r => r.Risk),
                "nextFollowUp" => descending ? rows.OrderByDescending(r => r.NextFollowUpOn) : rows.OrderBy(r => r.NextFollowUpOn == null).ThenBy(r => r.NextFollowUpOn),
                "lastReading" => descending ? rows.OrderByDescending(r => r.LastReadingAt) : rows.OrderBy(r => r.LastReadingAt == null).ThenBy(r => r.LastReadingAt),
                "signedAt" => descending ? rows.OrderByDescending(r => r.StartsAt) : rows.OrderBy(r => r.StartsAt),
                "contractEnds" => descending ? rows.OrderByDescending(r => r.EndsAt) : rows.OrderBy(r => r.EndsAt),

                // Who needs the doctor first: open alerts, then out-of-target readings this week, then risk.
                _ => rows.OrderByDescending(r => r.OpenAlerts)
                    .ThenByDescending(r => r.AbnormalRecentReadings)
                    .ThenByDescending(r => r.Risk)
                    .ThenBy(r => r.Name),
            };
            return ordered.ThenBy(r => r.PatientId);
        }

        private static int AgeOn(DateOnly dateOfBirth, DateOnly today)
        {
            var age = today.Year - dateOfBirth.Year;
            return dateOfBirth > today.AddYears(-age) ? age - 1 : age;
        }
    }

    internal sealed class PanelRow
    {
        public Guid PatientId { get; init; }
        public Guid ContractId { get; init; }
        public Guid TeamId { get; init; }
        public string Name { get; init; } = string.Empty;
        public Sex Sex { get; init; }
        public DateOnly DateOfBirth { get; init; }
        public string MaskedIdNumber { get; init; } = string.Empty;
        public DateTimeOffset? StartsAt { get; init; }
        public DateTimeOffset? EndsAt { get; init; }
        public bool RenewalRequested { get; init; }
        public RiskLevel Risk { get; init; }
        public int PendingRenewalRequests { get; init; }
        public DateOnly? NextFollowUpOn { get; init; }
        public DateTimeOffset? LastReadingAt { get; init; }
        public bool AbnormalRecentReadings { get; init; }
        public int OpenAlerts { get; init; }
        public int UnreadMessages { get; init; }
    }
}

public sealed record PanelPatient(
    Guid PatientId,
    Guid ContractId,
    string Name,
    Sex Sex,
    int Age,
    string MaskedIdNumber,
    RiskLevel Risk,
    IReadOnlyList<string> Conditions,
    DateOnly? NextFollowUpOn,
    bool FollowUpOverdue,
    DateTimeOffset? LastReadingAt,
    bool AbnormalRecentReadings,
    int OpenAlerts,
    int UnreadMessages,
    int PendingRenewalRequests,
    DateTimeOffset SignedAt,
    DateTimeOffset EndsAt,
    bool ContractRenewalRequested);
