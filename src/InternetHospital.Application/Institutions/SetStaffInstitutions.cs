using InternetHospital.Application.Administration.StaffAccounts;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Institutions;

/// <summary>
/// Sets the institutions a staff account works at. A system administrator adds or removes only its own institutions
/// (the others the account belongs to stay as they are, and naming a change to one of them is refused); the
/// consortium's administrator any. A doctor's department's institution is theirs anyway and is not listed.
/// </summary>
public sealed record SetStaffInstitutions(Guid AccountId, IReadOnlyList<Guid>? InstitutionIds) : ICommand<StaffInstitutionsView>
{
    public sealed class Validator : AbstractValidator<SetStaffInstitutions>
    {
        public Validator()
        {
            RuleFor(x => x.InstitutionIds).NotNull();
            RuleFor(x => x.InstitutionIds!.Count).LessThanOrEqualTo(50).When(x => x.InstitutionIds is not null);
        }
    }

    public sealed class Handler(IAppDbContext db, IStaffAccounts accounts, InstitutionScope scope, IAuditLog audit) : ICommandHandler<SetStaffInstitutions, StaffInstitutionsView>
    {
        public async ValueTask<StaffInstitutionsView> Handle(SetStaffInstitutions command, CancellationToken cancellationToken)
        {
            var account = await accounts.GetAsync(command.AccountId, cancellationToken);
            var wanted = command.InstitutionIds!.Distinct().ToList();
            var known = await db.Facilities.Where(f => wanted.Contains(f.Id)).Select(f => f.Id).ToListAsync(cancellationToken);
            if (known.Count != wanted.Count)
            {
                throw new NotFoundException("Facility", wanted.Except(known).First());
            }

            var current = await db.StaffMemberships.Where(m => m.AccountId == account.Id).ToListAsync(cancellationToken);
            var added = wanted.Except(current.Select(m => m.FacilityId)).ToList();
            var removed = current.Where(m => !wanted.Contains(m.FacilityId)).ToList();
            foreach (var facilityId in added.Concat(removed.Select(m => m.FacilityId)))
            {
                await scope.EnsureAsync(facilityId, "StaffMembership", account.Id, cancellationToken);
            }

            db.StaffMemberships.RemoveRange(removed);
            db.StaffMemberships.AddRange(added.Select(id => StaffMembership.Create(account.Id, id)));
            audit.Record(
                "institution.staff_changed",
                "StaffMembership",
                account.Id.ToString(),
                null,
                $"added={string.Join(',', added)}; removed={string.Join(',', removed.Select(m => m.FacilityId))}");

            var primary = await (from d in db.Doctors
                                 join dep in db.Departments on d.DepartmentId equals dep.Id
                                 where d.AccountId == account.Id
                                 select (Guid?)dep.FacilityId).FirstOrDefaultAsync(cancellationToken);
            return new StaffInstitutionsView(account.Id, account.FullName, account.Email, account.Roles, primary, wanted);
        }
    }
}
