using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits;

/// <summary>
/// Who may be in a visit's room: the appointment's patient (any account allowed to act for them), its doctor and the
/// specialists that doctor invited. Everyone else, and anyone asking about a visit that does not exist, gets the same
/// 404 (domain rules 15 and 22): the room's existence is not revealed.
/// </summary>
public sealed class VisitAccess(IAppDbContext db, ICurrentUser currentUser, IPatientAccessGuard guard, TimeProvider clock)
{
    /// <summary>The visit (tracked, with its invitations) and the caller's role in it.</summary>
    public async Task<(VideoVisit Visit, VisitRole Role)> LoadAsync(Guid visitId, CancellationToken cancellationToken, VisitParts parts = VisitParts.None)
    {
        var accountId = currentUser.RequireAccountId();
        var query = db.VideoVisits.Include(v => v.Invitations).AsQueryable();
        if (parts.HasFlag(VisitParts.Note))
        {
            query = query.Include(v => v.Note).ThenInclude(n => n!.Diagnoses);
        }

        if (parts.HasFlag(VisitParts.Addenda))
        {
            query = query.Include(v => v.Addenda);
        }

        if (parts.HasFlag(VisitParts.Events))
        {
            query = query.Include(v => v.Events);
        }

        if (parts.HasFlag(VisitParts.RecordingConsents))
        {
            query = query.Include(v => v.RecordingConsents);
        }

        if (parts != VisitParts.None)
        {
            // Note: the invitations and each part are collections; one joined query would repeat every row of one per row
            // of the others (EF's MultipleCollectionIncludeWarning), so each collection is its own query.
            query = query.AsSplitQuery();
        }

        var visit = await query.SingleOrDefaultAsync(v => v.Id == visitId, cancellationToken)
            ?? throw new NotFoundException("Visit", visitId);
        var role = await RoleOfAsync(visit, accountId, cancellationToken) ?? throw new NotFoundException("Visit", visitId);
        return (visit, role);
    }

    /// <summary>The caller's role, or null if they have none in this visit.</summary>
    public async Task<VisitRole?> RoleOfAsync(VideoVisit visit, Guid accountId, CancellationToken cancellationToken)
    {
        // Note: a guest's credential names one visit; every other visit is as unknown to them as to a stranger, and a
        // revoked or expired link ends the guest's access on their next call (the credential may still be unexpired).
        if (currentUser.GuestVisitId is { } guestVisitId)
        {
            return guestVisitId == visit.Id && await FindUsableGuestAsync(visit, accountId, cancellationToken) is not null ? VisitRole.Guest : null;
        }

        if (visit.Purpose == VisitPurpose.EmergencyCase)
        {
            return await EmergencyRoleOfAsync(visit.Id, accountId, cancellationToken);
        }

        // Note: staff roles are checked against the token too, so a doctor account that lost its role stops here.
        var isDoctor = currentUser.IsInRole(Roles.Doctor);
        if (isDoctor && visit.DoctorAccountId == accountId)
        {
            return VisitRole.Doctor;
        }

        if (isDoctor && visit.IsInvitedSpecialist(accountId))
        {
            return VisitRole.Specialist;
        }

        // Note: a consultation's room the patient was not invited to is the doctors' alone.
        if (visit.PatientExcluded)
        {
            return null;
        }

        // Note: the guard, not a bare look-up, so a revoked proxy, a proxy past its end date and a guardian whose
        // child has turned 18 are out of the room on their next request.
        try
        {
            await guard.EnsureCanActForAsync(visit.PatientId, PatientScope.Appointments, cancellationToken);
            return VisitRole.Patient;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// An emergency case's room (its id is the case's): the crew of the case's service (an active service) and the
    /// emergency-department staff of its destination, the same people the case's own rules (<c>EmergencyAccess</c>) let
    /// work on it; the patient is not in it. Read from the case here, since the emergency feature uses this one.
    /// </summary>
    private async Task<VisitRole?> EmergencyRoleOfAsync(Guid caseId, Guid accountId, CancellationToken cancellationToken)
    {
        var @case = await db.EmergencyCases.AsNoTracking()
            .Where(c => c.Id == caseId)
            .Select(c => new { c.ServiceId, c.DestinationFacilityId })
            .SingleOrDefaultAsync(cancellationToken);
        if (@case is null)
        {
            return null;
        }

        if (currentUser.IsInRole(Roles.Paramedic)
            && await (from m in db.CrewMemberships
                      join s in db.AmbulanceServices on m.ServiceId equals s.Id
                      where m.AccountId == accountId && s.IsActive && m.ServiceId == @case.ServiceId
                      select m.ServiceId).AnyAsync(cancellationToken))
        {
            return VisitRole.Crew;
        }

        if (currentUser.IsInRole(Roles.EmergencyStaff)
            && @case.DestinationFacilityId is { } facilityId
            && await (from m in db.StaffMemberships
                      join r in db.ReceivingHospitals on m.FacilityId equals r.FacilityId
                      where m.AccountId == accountId && m.FacilityId == facilityId
                      select m.FacilityId).AnyAsync(cancellationToken))
        {
            return VisitRole.EmergencyStaff;
        }

        return null;
    }

    /// <summary>
    /// The guests who hold a place in the visit's call: invited and neither revoked nor expired, whether or not they have
    /// opened their link yet (the room's capacity counts them with the specialists).
    /// </summary>
    public async Task<int> ActiveGuestCountAsync(Guid visitId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.VisitGuests.CountAsync(g => g.VisitId == visitId && g.RevokedAt == null && g.ExpiresAt > now, cancellationToken);
    }

    /// <summary>The guest behind the caller's credential (tracked), if their link is still good for this visit.</summary>
    public async Task<VisitGuest?> FindUsableGuestAsync(VideoVisit visit, Guid guestId, CancellationToken cancellationToken)
    {
        var guest = await db.VisitGuests.SingleOrDefaultAsync(g => g.Id == guestId && g.VisitId == visit.Id, cancellationToken);
        return guest is { RedeemedAt: not null } && !guest.IsRevoked && clock.GetUtcNow() < guest.ExpiresAt ? guest : null;
    }

    /// <summary>The name to show for someone in a visit: an account's full name, or the name a guest gave.</summary>
    public static async Task<string> NameOfAsync(IAppDbContext db, IAccountService accounts, Guid accountOrGuestId, CancellationToken cancellationToken) =>
        (await accounts.FindAsync(accountOrGuestId, cancellationToken))?.FullName
        ?? await db.VisitGuests.AsNoTracking().Where(g => g.Id == accountOrGuestId).Select(g => g.Name).SingleOrDefaultAsync(cancellationToken)
        ?? string.Empty;

    /// <summary>
    /// An emergency case's room is a call only: its record, messages and files are the case's (no patient record to
    /// file them under), so the visit's own record and chat do not exist for it.
    /// </summary>
    public static void EnsureVisitRecord(VideoVisit visit)
    {
        if (visit.Purpose == VisitPurpose.EmergencyCase)
        {
            throw new NotFoundException("Visit", visit.Id);
        }
    }

    /// <summary>The caller must be the visit's doctor.</summary>
    public static void EnsureDoctor(VisitRole role)
    {
        if (role != VisitRole.Doctor)
        {
            throw new ForbiddenAccessException("not_treating_doctor", "Only the visit's doctor can do this.");
        }
    }
}

/// <summary>The parts of a visit to load with it (its invitations always come along).</summary>
[Flags]
public enum VisitParts
{
    None = 0,
    Note = 1,
    Addenda = 2,
    Events = 4,
    RecordingConsents = 8,
}

/// <summary>
/// Pushes to everyone connected to a visit's room, on any API instance (SignalR group, Redis backplane when configured).
/// Best effort and after the save, like every live push: clients refetch when they reconnect.
/// </summary>
public interface IVisitRoom
{
    Task BroadcastAsync(Guid visitId, string eventName, object payload, CancellationToken cancellationToken);
}

/// <summary>Events the room's browsers listen to.</summary>
public static class VisitRoomEvents
{
    /// <summary>The visit changed state (admitted, completed, referred) or its waiting-room facts changed: refetch.</summary>
    public const string VisitUpdated = "visitUpdated";

    /// <summary>Another patient joined or left the doctor's queue: a waiting patient refetches their place.</summary>
    public const string QueueMoved = "queueMoved";

    public const string PeerJoined = "peerJoined";
    public const string PeerLeft = "peerLeft";
    public const string Signal = "signal";
    public const string Chat = "chat";

    /// <summary>The doctor shows an image of the patient's study in the call (see <c>ShareImageIntoCall</c>).</summary>
    public const string ImageShared = "imageShared";

    /// <summary>A guest was invited, opened their link, was admitted or revoked: the doctor's list and the guest refetch.</summary>
    public const string GuestsChanged = "guestsChanged";
}

public sealed record VisitUpdatedEvent(Guid VisitId, VideoVisitStatus Status);
