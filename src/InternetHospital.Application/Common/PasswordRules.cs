namespace InternetHospital.Application.Common;

/// <summary>Length over composition (domain rule 20): one number for Identity, the validators and the SPA.</summary>
public static class PasswordRules
{
    public const int MinLength = 8;

    public const int MaxLength = 128;
}
