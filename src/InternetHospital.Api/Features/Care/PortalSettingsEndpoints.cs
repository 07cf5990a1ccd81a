using InternetHospital.Api.Common;
using InternetHospital.Application.Care;
using Mediator;

namespace InternetHospital.Api.Features.Care;

/// <summary>The settings the SPA reads once at start, before anyone signs in (nothing in them is personal or secret).</summary>
internal sealed class PortalSettingsEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/config", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetPortalSettings(), ct)))
            .AllowAnonymous()
            .WithTags("Find care")
            .WithProblems()
            .WithSummary("The hospital's time zone, the idle sign-out, the password rule and the upload limit, for the SPA.");
}
