namespace InternetHospital.Application.Audit;

/// <summary>
/// Records who read or changed personal health information (domain rule 13). An entry joins the current
/// unit of work, so a change and its audit entry are saved in one transaction; a handler that only reads
/// saves after recording.
/// </summary>
public interface IAuditLog
{
    void Record(string action, string resource, string? resourceId, Guid? patientId, string? detail = null);
}
