using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Accounts;

/// <summary>The signed-in account: who they are, their roles, and the patients they may act for.</summary>
public sealed record GetMe : IQuery<Me>
{
    private static string? MaskMobile(string? mobile) =>
        mobile is { Length: >= 7 } ? mobile[..3] + new string('*', mobile.Length - 7) + mobile[^4..] : null;

    public sealed class Handler(IAppDbContext db, IAccountService accounts, ICurrentUser currentUser, IOptions<FamilyOptions> family, IOptions<HospitalOptions> hospital, TimeProvider clock)
        : IQueryHandler<GetMe, Me>
    {
        public async ValueTask<Me> Handle(GetMe query, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var account = await accounts.FindAsync(accountId, cancellationToken) ?? throw new NotFoundException("Account", accountId);

            var rows = await (
                from access in db.PatientAccesses
                join patient in db.Patients on access.PatientId equals patient.Id
                where access.AccountId == accountId && access.RevokedAt == null
                select new { Access = access, Patient = patient })
                .AsNoTracking()
                .ToListAsync(cancellationToken);

            // Note: a grant past its end date or a guardian whose child has turned 18 is gone from the list the moment
            // it stops working, not when the daily job gets to it.
            var today = PatientAccessGuard.Today(clock, hospital.Value);
            var bands = family.Value.Bands;
            var patients = rows
                .Select(r => (r.Access, r.Patient, Age: r.Patient.AgeOn(today)))
                .Select(r => (r.Access, r.Patient, r.Age, Scopes: r.Access.EffectiveScopes(r.Age, today, bands)))
                .Where(r => r.Scopes != PatientScope.None)
                .OrderBy(r => r.Access.Relationship)
                .ThenBy(r => r.Access.GrantedAt)
                .Select(r => new MePatient(
                    r.Patient.Id,
                    r.Patient.FullName,
                    r.Access.Relationship,
                    r.Patient.IdNumberMasked,
                    r.Patient.DateOfBirth,
                    r.Patient.Sex,
                    r.Age,
                    FamilyNames.Relation(r.Access.Relation),
                    PatientScopes.ToNames(r.Scopes),
                    r.Age < bands.GuardianMustAttendUnder,
                    r.Access.EndsOn))
                .ToList();

            var own = patients.FirstOrDefault(p => p.Relationship == PatientRelationship.Self);
            return new Me(
                account.Id,
                account.FullName,
                account.Email,
                account.Roles,
                own?.MaskedIdNumber,
                account.PreferredLanguage,
                patients)
            {
                Channels = new MeChannels(account.Channels.Email, account.Channels.Sms, account.Channels.MobileVerified, account.Channels.TimeZone, MaskMobile(account.Mobile)),
            };
        }
    }
}

public sealed record Me(
    Guid Id,
    string Name,
    string Email,
    IReadOnlyList<string> Roles,
    string? MaskedIdNumber,
    string? PreferredLanguage,
    IReadOnlyList<MePatient> Patients)
{
    /// <summary>How notifications reach the person besides the notification centre.</summary>
    public MeChannels? Channels { get; init; }
}

/// <param name="MobileVerified">Whether the number was proven with an SMS code (only then is it texted).</param>
/// <param name="MaskedMobile">The number with its middle hidden (139****0001).</param>
public sealed record MeChannels(bool Email, bool Sms, bool MobileVerified, string? TimeZone, string? MaskedMobile);

/// <param name="Relation">How the account holder is related: <c>self</c>, <c>child</c>, <c>parent</c>, <c>spouse</c>, <c>other</c>.</param>
/// <param name="Scopes">What the account may do for this person today (<c>appointments</c>, <c>results</c>, <c>medications</c>, <c>messages</c>, <c>payments</c>).</param>
/// <param name="GuardianMustAttend">A child under 6: booking and video visits need the guardian's confirmation that they attend.</param>
/// <param name="AccessEndsOn">The first day the access no longer works (a proxy's end date, a guardian's child's 18th birthday).</param>
public sealed record MePatient(
    Guid Id,
    string Name,
    PatientRelationship Relationship,
    string MaskedIdNumber,
    DateOnly DateOfBirth,
    Sex Sex,
    int AgeYears,
    string Relation,
    IReadOnlyList<string> Scopes,
    bool GuardianMustAttend,
    DateOnly? AccessEndsOn);
