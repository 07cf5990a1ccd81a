using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Accounts;

/// <summary>The signed-in account: who they are, their roles, and the patients they may act for.</summary>
public sealed record GetMe : IQuery<Me>
{
    public sealed class Handler(IAppDbContext db, IAccountService accounts, ICurrentUser currentUser) : IQueryHandler<GetMe, Me>
    {
        public async ValueTask<Me> Handle(GetMe query, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var account = await accounts.FindAsync(accountId, cancellationToken) ?? throw new NotFoundException("Account", accountId);

            var patients = await (
                from access in db.PatientAccesses
                join patient in db.Patients on access.PatientId equals patient.Id
                where access.AccountId == accountId && access.RevokedAt == null
                orderby access.Relationship
                select new MePatient(patient.Id, patient.FullName, access.Relationship, patient.IdNumberMasked))
                .ToListAsync(cancellationToken);

            var own = patients.FirstOrDefault(p => p.Relationship == PatientRelationship.Self);
            return new Me(
                account.Id,
                account.FullName,
                account.Email,
                account.Roles,
                own?.MaskedIdNumber,
                account.PreferredLanguage,
                patients);
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
    IReadOnlyList<MePatient> Patients);

public sealed record MePatient(Guid Id, string Name, PatientRelationship Relationship, string MaskedIdNumber);
