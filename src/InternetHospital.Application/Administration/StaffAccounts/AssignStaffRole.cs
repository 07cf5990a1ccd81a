using InternetHospital.Domain.Accounts;

namespace InternetHospital.Application.Administration.StaffAccounts;

/// <summary>
/// Gives a staff account a new role, which replaces its old one: an administrator role (system, security, audit) or
/// pharmacist, registrar, nurse, paramedic (ambulance crew) or emergency-department staff. An administrator role is always an account's only role (domain rule 31), so a doctor (whose role comes
/// with a doctor profile the system administrator keeps) or a patient cannot be made one: 409 <c>role_not_assignable</c>.
/// Nobody changes their own role. The account's sessions end, since its tokens carry the old role.
/// </summary>
public sealed record AssignStaffRole(Guid AccountId, string? Role) : ICommand<StaffAccountView>
{
    /// <summary>The roles a security administrator hands out; doctors come with a profile the system administrator creates.</summary>
    public static readonly IReadOnlyList<string> AssignableRoles = [.. Roles.Administrators, Roles.Pharmacist, Roles.Registrar, Roles.Nurse, Roles.Paramedic, Roles.EmergencyStaff, Roles.MedicalRecords];

    public sealed class Validator : AbstractValidator<AssignStaffRole>
    {
        public Validator()
        {
            RuleFor(x => x.Role).NotEmpty().Must(role => AssignableRoles.Contains(role!, StringComparer.Ordinal))
                .WithLocalizedMessage("role_not_assignable", string.Join(", ", AssignableRoles));
        }
    }

    public sealed class Handler(IStaffAccounts accounts, ICurrentUser currentUser, IAuditLog audit) : ICommandHandler<AssignStaffRole, StaffAccountView>
    {
        public async ValueTask<StaffAccountView> Handle(AssignStaffRole command, CancellationToken cancellationToken)
        {
            StaffAccountAudit.EnsureNotOwn(currentUser, command.AccountId);
            var account = await accounts.GetAsync(command.AccountId, cancellationToken);
            if (account.Roles.Any(role => !AssignableRoles.Contains(role, StringComparer.Ordinal)))
            {
                throw new DomainConflictException("role_not_assignable", "Doctors and patients keep their role; an administrator needs an account of their own.");
            }

            var role = command.Role!;
            audit.Record(StaffAccountAudit.RoleAssigned, StaffAccountAudit.Resource, command.AccountId.ToString(), null, $"{string.Join(",", account.Roles)} -> {role}");
            await accounts.SetRoleAsync(command.AccountId, role, cancellationToken);
            return await accounts.GetAsync(command.AccountId, cancellationToken);
        }
    }
}
