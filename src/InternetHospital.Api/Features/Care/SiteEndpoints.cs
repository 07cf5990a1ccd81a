using InternetHospital.Api.Common;
using InternetHospital.Application.Common;

namespace InternetHospital.Api.Features.Care;

/// <summary>What the SPA must know before anyone signs in. Public: it says nothing but whether this is a staging site.</summary>
internal sealed class SiteEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/site", (DevelopmentStandIns standIns) => TypedResults.Ok(new SiteInfo(standIns.Active)))
            .AllowAnonymous()
            .WithTags("Find care")
            .WithProblems()
            .WithSummary("The development stand-ins (payments, his) this site runs with outside Development; the SPA shows a banner while there are any.");
    }

    internal sealed record SiteInfo(IReadOnlyList<string> DevelopmentStandIns);
}
