using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Family;

/// <summary>
/// The request behind an invitation link, for the person asked: only an account that holds the person's record as its
/// own sees it (the invitee signs in, or registers with the same identity, first). Anybody else, an unknown or
/// answered link: 404.
/// </summary>
public sealed record GetFamilyInvitation(string Token) : IQuery<FamilyInvitationView>
{
    public sealed class Handler(IAppDbContext db, FamilyContext family, IAccountService accounts) : IQueryHandler<GetFamilyInvitation, FamilyInvitationView>
    {
        public async ValueTask<FamilyInvitationView> Handle(GetFamilyInvitation query, CancellationToken cancellationToken)
        {
            var invitation = await FamilyInvitationLoading.ForInviteeAsync(db, family, query.Token, cancellationToken);
            var from = await accounts.FindAsync(invitation.FromAccountId, cancellationToken) ?? throw new NotFoundException("Invitation");
            var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == invitation.PatientId, cancellationToken);
            var age = patient.AgeOn(family.Today);
            return new FamilyInvitationView(
                invitation.Id,
                from.FullName,
                FamilyNames.Relation(invitation.Relation),
                PatientScopes.ToNames(invitation.Scopes),
                invitation.EndsOn,
                invitation.ExpiresAt,
                age < family.Bands.AdultAt ? "guardian" : "proxy");
        }
    }
}

/// <param name="Kind"><c>proxy</c> (the person chooses scopes and an end date) or <c>guardian</c> (a minor's guardian: full access until 18).</param>
public sealed record FamilyInvitationView(Guid Id, string From, string Relation, IReadOnlyList<string> Scopes, DateOnly? AccessEndsOn, DateTimeOffset ExpiresAt, string Kind);

internal static class FamilyInvitationLoading
{
    /// <summary>The open invitation (tracked) if the signed-in account holds the invited record as its own; else 404.</summary>
    public static async Task<FamilyInvitation> ForInviteeAsync(IAppDbContext db, FamilyContext family, string token, CancellationToken cancellationToken)
    {
        var hash = FamilyContext.HashToken(token);
        var now = family.Now;
        var invitation = await db.FamilyInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        var own = await family.OwnPatientIdsAsync(cancellationToken);
        if (invitation is null || !own.Contains(invitation.PatientId) || !invitation.IsOpen(now))
        {
            throw new NotFoundException("Invitation");
        }

        return invitation;
    }
}
