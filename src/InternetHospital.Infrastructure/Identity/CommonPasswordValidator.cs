using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace InternetHospital.Infrastructure.Identity;

/// <summary>
/// Refuses common and breached passwords, passwords made of one repeated character or a run of digits,
/// and passwords that contain the user's e-mail name (domain rule 20: length over composition).
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<Account>
{
    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lower = password.ToLowerInvariant();
        if (CommonPasswords.Value.Contains(lower) || IsTrivial(lower))
        {
            return Fail("common_password");
        }

        var emailName = user.Email?.Split('@')[0].ToLowerInvariant();
        if (emailName is { Length: >= 4 } && lower.Contains(emailName, StringComparison.Ordinal))
        {
            return Fail("password_contains_email");
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static bool IsTrivial(string password)
    {
        if (password.All(c => c == password[0]))
        {
            return true;
        }

        // Runs like 23456789 or 98765432.
        var ascending = true;
        var descending = true;
        for (var i = 1; i < password.Length; i++)
        {
            ascending &= password[i] == password[i - 1] + 1;
            descending &= password[i] == password[i - 1] - 1;
        }

        return ascending || descending;
    }

    private static Task<IdentityResult> Fail(string code) =>
        Task.FromResult(IdentityResult.Failed(LocalizedIdentityErrorDescriber.Error(code)));

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("InternetHospital.Infrastructure.Identity.Resources.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim());
            }
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
