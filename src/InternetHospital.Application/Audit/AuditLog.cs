using InternetHospital.Domain.Audit;

namespace InternetHospital.Application.Audit;

internal sealed class AuditLog(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock) : IAuditLog
{
    public void Record(string action, string resource, string? resourceId, Guid? patientId, string? detail = null)
    {
        db.AuditEntries.Add(AuditEntry.Create(
            clock.GetUtcNow(),
            currentUser.AccountId,
            currentUser.Roles.Count == 0 ? null : string.Join(',', currentUser.Roles),
            patientId,
            action,
            resource,
            resourceId,
            currentUser.IpAddress,
            detail));
    }
}
