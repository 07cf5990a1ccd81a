using System.Security.Claims;
using InternetHospital.Application.Common.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace InternetHospital.Api.Common;

/// <summary>The caller of the current HTTP request, read from the validated access token.</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? AccountId =>
        Principal?.Identity?.IsAuthenticated == true && Guid.TryParse(Principal.FindFirstValue(Claims.Subject), out var id) ? id : null;

    public IReadOnlyList<string> Roles =>
        Principal?.Identity?.IsAuthenticated == true
            ? Principal.FindAll(Claims.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList()
            : [];

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public Guid? GuestVisitId =>
        Principal?.Identity?.IsAuthenticated == true && Guid.TryParse(Principal.FindFirstValue(Features.VideoVisits.GuestAuthentication.VisitClaim), out var id) ? id : null;

    public bool IsInRole(string role) => Principal?.Identity?.IsAuthenticated == true && Principal.HasClaim(Claims.Role, role);
}
