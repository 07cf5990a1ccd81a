using InternetHospital.Application.Files;

namespace InternetHospital.Application.Care;

/// <summary>
/// The server's settings the SPA needs before anyone signs in: the hospital's time zone (every time is shown in
/// it), how long an idle session lasts, the password rule and the upload limit. The SPA reads these instead of
/// keeping its own copies, so an operator changes them in one place.
/// </summary>
public sealed record GetPortalSettings : IQuery<PortalSettings>
{
    public sealed class Handler(IOptions<HospitalOptions> hospital) : IQueryHandler<GetPortalSettings, PortalSettings>
    {
        public ValueTask<PortalSettings> Handle(GetPortalSettings query, CancellationToken cancellationToken) => ValueTask.FromResult(new PortalSettings(
            hospital.Value.TimeZone,
            (int)hospital.Value.IdleTimeout.TotalMinutes,
            PasswordRules.MinLength,
            FileTypes.MaxBytes));
    }
}

public sealed record PortalSettings(string TimeZone, int IdleTimeoutMinutes, int PasswordMinLength, long MaxUploadBytes);
