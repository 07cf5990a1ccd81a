using InternetHospital.Domain.Referrals;

namespace InternetHospital.Application.Referrals;

/// <summary>Admin: whether a hospital department takes referrals and how many hours before its reserved slots start they go back to public booking.</summary>
public sealed record SetDepartmentReferrals(Guid DepartmentId, bool AcceptsReferrals, int ReleaseHoursBefore) : ICommand<ReferralDepartmentView>
{
    public sealed class Validator : AbstractValidator<SetDepartmentReferrals>
    {
        public Validator() => RuleFor(x => x.ReleaseHoursBefore).InclusiveBetween(0, DepartmentReferralSettings.MaxReleaseHours);
    }

    public sealed class Handler(InstitutionScope scope, IAppDbContext db, IAuditLog audit, TimeProvider clock) : ICommandHandler<SetDepartmentReferrals, ReferralDepartmentView>
    {
        public async ValueTask<ReferralDepartmentView> Handle(SetDepartmentReferrals command, CancellationToken cancellationToken)
        {
            await scope.EnsureDepartmentAsync(command.DepartmentId, cancellationToken);
            var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == command.DepartmentId, cancellationToken) ?? throw new NotFoundException("Department", command.DepartmentId);
            var settings = await db.DepartmentReferralSettings.SingleOrDefaultAsync(s => s.DepartmentId == department.Id, cancellationToken);
            if (settings is null)
            {
                settings = DepartmentReferralSettings.Create(department.Id, command.AcceptsReferrals, command.ReleaseHoursBefore);
                db.DepartmentReferralSettings.Add(settings);
            }
            else
            {
                settings.Change(command.AcceptsReferrals, command.ReleaseHoursBefore);
            }

            // Note: the held-back times follow the new release rule (or all go back to the public when referrals stop).
            var now = clock.GetUtcNow();
            var reserved = await db.Slots.Where(s => s.DepartmentId == department.Id && s.Start > now && s.ReferralHoldUntil != null).ToListAsync(cancellationToken);
            foreach (var slot in reserved)
            {
                slot.ReserveForReferrals(command.AcceptsReferrals ? settings.HoldUntil(slot.Start) : null);
            }

            audit.Record("referral.department_settings", "Department", department.Id.ToString(), null, $"accepts={command.AcceptsReferrals} releaseHours={command.ReleaseHoursBefore}");
            return new ReferralDepartmentView(department.Id, department.Code, department.Name, department.NameEn, settings.AcceptsReferrals, settings.ReleaseHoursBefore, command.AcceptsReferrals ? reserved.Count : 0);
        }
    }
}
