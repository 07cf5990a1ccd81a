using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Institutions;

/// <summary>An institution of the consortium with its settings; <paramref name="Editable"/> says whether the caller may change it.</summary>
public sealed record InstitutionView(
    Guid Id,
    string Code,
    string Name,
    string NameEn,
    FacilityLevel Level,
    FacilityKind Kind,
    string TimeZone,
    string? Address,
    string? Phone,
    FacilityHisAdapter HisAdapter,
    string? HisEndpoint,
    bool Editable)
{
    internal static InstitutionView Of(Facility f, bool editable) =>
        new(f.Id, f.Code, f.Name, f.NameEn, f.Level, f.Kind, f.TimeZone, f.Address, f.Phone, f.HisAdapter, f.HisEndpoint, editable);
}

/// <summary>What an administrator sets on an institution (the code is fixed once created).</summary>
public sealed record InstitutionSettings(
    string? Name,
    string? NameEn,
    FacilityLevel Level,
    string? TimeZone,
    string? Address,
    string? Phone,
    FacilityHisAdapter HisAdapter,
    string? HisEndpoint);

internal sealed class InstitutionSettingsValidator : AbstractValidator<InstitutionSettings>
{
    public InstitutionSettingsValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.NameEn).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Level).IsInEnum();
        RuleFor(x => x.TimeZone).NotEmpty().MaximumLength(64)
            .Must(z => TimeZoneInfo.TryFindSystemTimeZoneById(z!, out var zone) && zone.HasIanaId).When(x => !string.IsNullOrEmpty(x.TimeZone))
            .WithLocalizedMessage("invalid_time_zone");
        RuleFor(x => x.Address).MaximumLength(200);
        RuleFor(x => x.Phone).MaximumLength(32).Matches(@"^[0-9+\- ()]*$").WithLocalizedMessage("invalid_phone");
        RuleFor(x => x.HisAdapter).IsInEnum();
        RuleFor(x => x.HisEndpoint).NotEmpty().When(x => x.HisAdapter != FacilityHisAdapter.ConsortiumDefault).WithLocalizedMessage("his_endpoint_required");
        RuleFor(x => x.HisEndpoint).MaximumLength(300)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https").When(x => !string.IsNullOrEmpty(x.HisEndpoint))
            .WithLocalizedMessage("invalid_url");
    }
}

internal static class InstitutionSettingsExtensions
{
    public static void ApplyTo(this InstitutionSettings settings, Facility facility)
    {
        facility.Update(settings.Name!.Trim(), settings.NameEn!.Trim(), settings.Level, settings.TimeZone!.Trim(), Blank(settings.Address), Blank(settings.Phone));
        facility.ConnectHis(settings.HisAdapter, Blank(settings.HisEndpoint));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
