using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Family;

/// <summary>An administrator sees every account that acts or acted for a patient, with who granted and who ended it and why (audit-logged).</summary>
public sealed record ListPatientAccess(Guid PatientId) : IQuery<IReadOnlyList<PatientAccessAdminView>>
{
    public sealed class Handler(IAppDbContext db, IAccountService accounts, IAuditLog audit) : IQueryHandler<ListPatientAccess, IReadOnlyList<PatientAccessAdminView>>
    {
        public async ValueTask<IReadOnlyList<PatientAccessAdminView>> Handle(ListPatientAccess query, CancellationToken cancellationToken)
        {
            if (!await db.Patients.AnyAsync(p => p.Id == query.PatientId, cancellationToken))
            {
                throw new NotFoundException("Patient", query.PatientId);
            }

            var rows = await db.PatientAccesses.AsNoTracking().Where(a => a.PatientId == query.PatientId).OrderBy(a => a.GrantedAt).ToListAsync(cancellationToken);
            var views = new List<PatientAccessAdminView>();
            foreach (var a in rows)
            {
                var name = (await accounts.FindAsync(a.AccountId, cancellationToken))?.FullName ?? string.Empty;
                views.Add(new PatientAccessAdminView(
                    a.Id, a.AccountId, name, a.Relationship, FamilyNames.Relation(a.Relation), PatientScopes.ToNames(a.Scopes), a.EndsOn,
                    a.GrantedAt, a.GrantedByAccountId, a.InvitationId, a.RevokedAt, a.RevokedByAccountId, a.RevocationReason));
            }

            audit.Record("patient_access.listed", nameof(PatientAccess), null, query.PatientId);
            return views;
        }
    }
}

public sealed record PatientAccessAdminView(
    Guid AccessId,
    Guid AccountId,
    string AccountName,
    PatientRelationship Relationship,
    string Relation,
    IReadOnlyList<string> Scopes,
    DateOnly? AccessEndsOn,
    DateTimeOffset GrantedAt,
    Guid? GrantedByAccountId,
    Guid? InvitationId,
    DateTimeOffset? EndedAt,
    Guid? EndedByAccountId,
    string? EndReason);
