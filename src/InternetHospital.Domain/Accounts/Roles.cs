namespace InternetHospital.Domain.Accounts;

/// <summary>The roles an account can hold. A doctor may also be a family doctor (a doctor profile flag, not a role).</summary>
public static class Roles
{
    public const string Patient = "Patient";
    public const string Doctor = "Doctor";
    public const string Pharmacist = "Pharmacist";

    /// <summary>The registration desk (挂号/导诊): checks patients in by their health code.</summary>
    public const string Registrar = "Registrar";

    /// <summary>A community nurse: identifies patients by their health code at check-in, home visits and emergencies.</summary>
    public const string Nurse = "Nurse";

    /// <summary>Ambulance crew (paramedic/EMT) of an emergency medical service: records a case from first contact to handover.</summary>
    public const string Paramedic = "Paramedic";

    /// <summary>Emergency department staff (emergency doctor, triage nurse) of a receiving hospital: the incoming board.</summary>
    public const string EmergencyStaff = "EmergencyStaff";

    /// <summary>
    /// Medical-records staff (病案室): keep the visit records and may play visit recordings (domain rule 30); every play
    /// is audit-logged. Assigned by the security administrator.
    /// </summary>
    public const string MedicalRecords = "MedicalRecords";

    /// <summary>Sets the hospital up and runs it: departments, doctors, timetables, family teams, fees, the HIS link.</summary>
    public const string SystemAdmin = "SystemAdmin";

    /// <summary>
    /// The consortium's super-administrator (医联体管理员): a system administrator whose scope is every institution, who
    /// also creates institutions. A <see cref="SystemAdmin"/> changes only the data of the institutions it belongs to.
    /// </summary>
    public const string ConsortiumAdmin = "ConsortiumAdmin";

    /// <summary>Looks after staff accounts: roles, locks, disabling.</summary>
    public const string SecurityAdmin = "SecurityAdmin";

    /// <summary>Reads and verifies the audit log, and changes nothing.</summary>
    public const string AuditAdmin = "AuditAdmin";

    /// <summary>
    /// The three administrators of MLPS level 3 (三权分立, domain rule 31): none can do another's work, so no one person
    /// can both act and hide it.
    /// </summary>
    public static readonly IReadOnlyList<string> Administrators = [SystemAdmin, ConsortiumAdmin, SecurityAdmin, AuditAdmin];

    /// <summary>Roles that set institutions up (departments, doctors, timetables ...): the policy <c>SystemAdmin</c> admits both.</summary>
    public static readonly IReadOnlyList<string> SystemAdministrators = [SystemAdmin, ConsortiumAdmin];

    public static readonly IReadOnlyList<string> All = [Patient, Doctor, Pharmacist, Registrar, Nurse, Paramedic, EmergencyStaff, SystemAdmin, ConsortiumAdmin, SecurityAdmin, AuditAdmin, MedicalRecords];

    /// <summary>Roles that act for the hospital; they must use two-factor sign-in where the hospital requires it.</summary>
    public static readonly IReadOnlyList<string> Staff = [Doctor, Pharmacist, Registrar, Nurse, Paramedic, EmergencyStaff, SystemAdmin, ConsortiumAdmin, SecurityAdmin, AuditAdmin, MedicalRecords];

    /// <summary>Staff who scan patients' health codes (what each may scan for: <c>HealthCodePurposes</c>).</summary>
    public static readonly IReadOnlyList<string> HealthCodeScanners = [Doctor, Pharmacist, Registrar, Nurse];

    public static bool IsAdministrator(string role) => Administrators.Contains(role, StringComparer.Ordinal);

    /// <summary>
    /// Whether one account may hold these roles together: an administrator role is held alone (separation of duties:
    /// two administrator roles would undo it, and an administrator who is also a clinician or a patient would reach
    /// clinical content through the other role).
    /// </summary>
    public static bool MayBeHeldTogether(IReadOnlyCollection<string> roles) =>
        !roles.Any(IsAdministrator) || roles.Distinct(StringComparer.Ordinal).Count() == 1;
}
