namespace InternetHospital.Application.Administration.StaffAccounts;

/// <summary>Every staff account (doctors, pharmacists, administrators) with its roles, lock and two-factor state.</summary>
public sealed record ListStaffAccounts : IQuery<IReadOnlyList<StaffAccountView>>
{
    public sealed class Handler(IStaffAccounts accounts) : IQueryHandler<ListStaffAccounts, IReadOnlyList<StaffAccountView>>
    {
        public async ValueTask<IReadOnlyList<StaffAccountView>> Handle(ListStaffAccounts query, CancellationToken cancellationToken) =>
            await accounts.ListAsync(cancellationToken);
    }
}
