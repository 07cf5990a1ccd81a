namespace InternetHospital.Domain.Accounts;

/// <summary>The roles an account can hold. A doctor may also be a family doctor (a doctor profile flag, not a role).</summary>
public static class Roles
{
    public const string Patient = "Patient";
    public const string Doctor = "Doctor";
    public const string Pharmacist = "Pharmacist";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Patient, Doctor, Pharmacist, Admin];

    /// <summary>Roles that act for the hospital; they must use two-factor sign-in where the hospital requires it.</summary>
    public static readonly IReadOnlyList<string> Staff = [Doctor, Pharmacist, Admin];
}
