using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Application.Referrals;

/// <summary>
/// Admin: holds specific free slots of a department back for referrals (or gives them back to public booking). A
/// department must take referrals to hold slots (422 <c>referral_department_closed</c>). Taken or past slots are left as they are.
/// </summary>
public sealed record ReserveReferralSlots(Guid DepartmentId, IReadOnlyList<Guid> SlotIds, bool Reserved) : ICommand<int>
{
    public sealed class Validator : AbstractValidator<ReserveReferralSlots>
    {
        public Validator() => RuleFor(x => x.SlotIds).NotEmpty().Must(ids => ids is null || ids.Count <= 500).WithLocalizedMessage("too_many_referral_items");
    }

    public sealed class Handler(InstitutionScope scope, IAppDbContext db, IAuditLog audit, TimeProvider clock) : ICommandHandler<ReserveReferralSlots, int>
    {
        public async ValueTask<int> Handle(ReserveReferralSlots command, CancellationToken cancellationToken)
        {
            await scope.EnsureDepartmentAsync(command.DepartmentId, cancellationToken);
            if (!await db.Departments.AnyAsync(d => d.Id == command.DepartmentId, cancellationToken))
            {
                throw new NotFoundException("Department", command.DepartmentId);
            }

            var settings = await db.DepartmentReferralSettings.AsNoTracking().SingleOrDefaultAsync(s => s.DepartmentId == command.DepartmentId, cancellationToken);
            if (command.Reserved && settings is not { AcceptsReferrals: true })
            {
                throw new DomainRuleException("referral_department_closed", "This department does not take referrals.");
            }

            var now = clock.GetUtcNow();
            var ids = command.SlotIds.Distinct().ToList();
            var slots = await db.Slots
                .Where(s => ids.Contains(s.Id) && s.DepartmentId == command.DepartmentId && s.Status == SlotStatus.Open && s.Start > now && !db.Appointments.Any(a => a.OccupiedSlotId == s.Id))
                .ToListAsync(cancellationToken);
            foreach (var slot in slots)
            {
                slot.ReserveForReferrals(command.Reserved ? settings!.HoldUntil(slot.Start) : null);
            }

            audit.Record(command.Reserved ? "referral.slots_reserved" : "referral.slots_released", "Department", command.DepartmentId.ToString(), null, $"count={slots.Count}");
            return slots.Count;
        }
    }
}
