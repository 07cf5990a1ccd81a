using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>
/// Who may see and change an emergency case (the access rules): a crew member their own service's open cases
/// and those handed over in the last 24 hours; emergency-department staff only cases coming to their hospital; a
/// pathway team member the cases that alerted their team. Anything else is 404, never data.
/// </summary>
public sealed class EmergencyAccess(IAppDbContext db, ICurrentUser user, IAccountService accounts, TimeProvider clock)
{
    /// <summary>How long a crew still sees a case after handing the patient over (to finish the record).</summary>
    public static readonly TimeSpan HandedOverVisibleFor = TimeSpan.FromHours(24);

    public async Task<Actor> ActorAsync(CancellationToken cancellationToken)
    {
        var id = user.RequireAccountId();
        var account = await accounts.FindAsync(id, cancellationToken);
        return new Actor(id, account?.FullName ?? string.Empty);
    }

    public async Task<Guid> CrewServiceAsync(CancellationToken cancellationToken)
    {
        var accountId = user.RequireAccountId();
        // A deactivated service's crews no longer work for it (the administrator took it off the road).
        var services = await (from m in db.CrewMemberships
                              join s in db.AmbulanceServices on m.ServiceId equals s.Id
                              where m.AccountId == accountId && s.IsActive
                              select m.ServiceId).ToListAsync(cancellationToken);
        return user.IsInRole(Roles.Paramedic) && services.Count > 0
            ? services[0]
            : throw new ForbiddenAccessException("emergency_not_crew", "Your account is not the crew of an ambulance service.");
    }

    public async Task<Guid> DepartmentFacilityAsync(CancellationToken cancellationToken)
    {
        var accountId = user.RequireAccountId();
        var facility = user.IsInRole(Roles.EmergencyStaff)
            ? await (from m in db.StaffMemberships
                     join r in db.ReceivingHospitals on m.FacilityId equals r.FacilityId
                     where m.AccountId == accountId
                     select (Guid?)m.FacilityId).FirstOrDefaultAsync(cancellationToken)
            : null;
        return facility ?? throw new ForbiddenAccessException("emergency_not_department_staff", "Your account is not staff of a receiving emergency department.");
    }

    /// <summary>The case with everything recorded on it, tracked for a change.</summary>
    public IQueryable<EmergencyCase> Full() => db.EmergencyCases
        .Include(c => c.SyncItems)
        .Include(c => c.Timeline)
        .Include(c => c.Vitals)
        .Include(c => c.Treatments)
        .Include(c => c.Messages)
        .Include(c => c.Attachments)
        .Include(c => c.Alerts).ThenInclude(a => a.Acks)
        .AsSplitQuery();

    public bool CrewMaySee(EmergencyCase c, Guid serviceId) =>
        c.ServiceId == serviceId && (c.Status == EmergencyCaseStatus.Open || c.At(TimelineKind.Handover) >= clock.GetUtcNow() - HandedOverVisibleFor);

    /// <summary>
    /// The case a crew write goes to. A case that does not exist yet while the write is not its first means the
    /// creation has not arrived (the phone sent out of order): the client resends from sequence 1.
    /// </summary>
    public async Task<EmergencyCase> CrewCaseAsync(Guid caseId, SyncStamp? stamp, CancellationToken cancellationToken)
    {
        var serviceId = await CrewServiceAsync(cancellationToken);
        var found = await Full().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (found is null && stamp is { Sequence: > 1 })
        {
            throw new SyncOrderException(SyncOrderException.Gap, 1, "The case has not been started yet: send its first write (sequence 1) first.");
        }

        return found is not null && CrewMaySee(found, serviceId) ? found : throw new NotFoundException("Emergency case", caseId);
    }

    public async Task<EmergencyCase> DepartmentCaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var facilityId = await DepartmentFacilityAsync(cancellationToken);
        var found = await Full().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        return found is not null && found.DestinationFacilityId == facilityId ? found : throw new NotFoundException("Emergency case", caseId);
    }

    /// <summary>A case for reading: as crew, as department staff, or as a member of a team the case alerted.</summary>
    public async Task<EmergencyCase> ReadableCaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.Paramedic))
        {
            return await CrewCaseAsync(caseId, null, cancellationToken);
        }

        if (user.IsInRole(Roles.EmergencyStaff) && await MayReadAsDepartmentAsync(caseId, cancellationToken))
        {
            return await DepartmentCaseAsync(caseId, cancellationToken);
        }

        var found = await Full().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (found is not null && await IsAlertedMemberAsync(found, cancellationToken))
        {
            return found;
        }

        throw new NotFoundException("Emergency case", caseId);
    }

    private async Task<bool> MayReadAsDepartmentAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var accountId = user.RequireAccountId();
        return await (from c in db.EmergencyCases
                      join m in db.StaffMemberships on c.DestinationFacilityId equals m.FacilityId
                      where c.Id == caseId && m.AccountId == accountId
                      select c.Id).AnyAsync(cancellationToken);
    }

    public async Task<bool> IsAlertedMemberAsync(EmergencyCase c, CancellationToken cancellationToken)
    {
        var accountId = user.RequireAccountId();
        var teams = await db.PathwayTeamMembers.AsNoTracking().Where(t => t.AccountId == accountId).ToListAsync(cancellationToken);
        return c.Alerts.Any(a => teams.Any(t => t.FacilityId == a.FacilityId && t.Pathway == a.Pathway));
    }
}
