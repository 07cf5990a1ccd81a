using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Common.Security;

/// <summary>
/// One patient, one record across the consortium: staff of any institution read it where they have a reason to. A
/// read by staff of one institution of data another institution holds is audit-logged with both
/// (<c>institution.cross_read</c>: what, the reader's institution and the holder's), beside the feature's own entry,
/// so "who outside our institution saw this patient" is one search by action.
/// </summary>
public sealed class InstitutionReads(IAppDbContext db, ICurrentUser user, IAuditLog audit)
{
    public const string CrossReadAction = "institution.cross_read";

    private (bool Known, Guid? Id) reader;

    /// <summary>Where the caller works: a doctor's department's institution, else their first membership (null for none).</summary>
    public async Task<Guid?> ReaderInstitutionAsync(CancellationToken cancellationToken)
    {
        if (!reader.Known)
        {
            var accountId = user.RequireAccountId();
            var id = await (from d in db.Doctors
                            join dep in db.Departments on d.DepartmentId equals dep.Id
                            where d.AccountId == accountId
                            select (Guid?)dep.FacilityId).FirstOrDefaultAsync(cancellationToken)
                ?? await (from m in db.StaffMemberships
                          join f in db.Facilities on m.FacilityId equals f.Id
                          where m.AccountId == accountId
                          orderby f.Code
                          select (Guid?)f.Id).FirstOrDefaultAsync(cancellationToken);
            reader = (true, id);
        }

        return reader.Id;
    }

    /// <summary>
    /// The institution that holds the consortium's shared record (the HIS and the PACS the portal reads, configured under
    /// <c>His:</c> and <c>Imaging:</c>): the lead hospital.
    /// </summary>
    public async Task<Guid?> SharedRecordHolderAsync(CancellationToken cancellationToken) =>
        // Note: the level is stored by name, so ordering by it would sort alphabetically (Secondary before Tertiary).
        await db.Facilities.AsNoTracking().OrderBy(f => f.Kind == FacilityKind.Hospital ? 0 : 1)
            .ThenBy(f => f.Level == FacilityLevel.Tertiary ? 1 : f.Level == FacilityLevel.Secondary ? 2 : 3).ThenBy(f => f.Code)
            .Select(f => (Guid?)f.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Records the read when the reader's institution is not the holder's (nothing when either is unknown or they are the
    /// same). <paramref name="readerFacilityId"/> names where the read happened when the feature knows better (a scan desk).
    /// </summary>
    public async Task RecordAsync(
        string what,
        string resource,
        string? resourceId,
        Guid patientId,
        Guid? holderFacilityId,
        CancellationToken cancellationToken,
        Guid? readerFacilityId = null)
    {
        var from = readerFacilityId ?? await ReaderInstitutionAsync(cancellationToken);
        if (from is not { } readerId || holderFacilityId is not { } holderId || readerId == holderId)
        {
            return;
        }

        var codes = await db.Facilities.AsNoTracking().Where(f => f.Id == readerId || f.Id == holderId).ToDictionaryAsync(f => f.Id, f => f.Code, cancellationToken);
        audit.Record(
            CrossReadAction,
            resource,
            resourceId,
            patientId,
            $"{what}; reader={codes.GetValueOrDefault(readerId, readerId.ToString())}; holder={codes.GetValueOrDefault(holderId, holderId.ToString())}");
    }
}
