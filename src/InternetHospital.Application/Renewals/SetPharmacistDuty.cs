using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>The signed-in pharmacist goes on or off duty (idempotent). The review queue shows who is on duty.</summary>
public sealed record SetPharmacistDuty(bool OnDuty) : ICommand<IReadOnlyList<OnDutyPharmacist>>
{
    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, IAccountService accounts, TimeProvider clock)
        : ICommandHandler<SetPharmacistDuty, IReadOnlyList<OnDutyPharmacist>>
    {
        public async ValueTask<IReadOnlyList<OnDutyPharmacist>> Handle(SetPharmacistDuty command, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var current = await db.PharmacistDuties.SingleOrDefaultAsync(d => d.OnDutyAccountId == accountId, cancellationToken);
            var now = clock.GetUtcNow();
            if (command.OnDuty && current is null)
            {
                var account = await accounts.FindAsync(accountId, cancellationToken) ?? throw new NotFoundException("Account", accountId);
                db.PharmacistDuties.Add(PharmacistDuty.Start(accountId, account.FullName, now));
            }
            else if (!command.OnDuty && current is not null)
            {
                current.End(now);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (UniqueConstraintException)
            {
                // Note: a second tab went on duty at the same moment; one open shift exists, which is what was asked.
            }

            return await OnDutyPharmacist.ListAsync(db, cancellationToken);
        }
    }
}
