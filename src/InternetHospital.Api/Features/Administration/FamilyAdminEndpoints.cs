using InternetHospital.Api.Common;
using InternetHospital.Application.FamilyDoctors;
using InternetHospital.Application.FamilyDoctors.Administration;
using Mediator;

namespace InternetHospital.Api.Features.Administration;

/// <summary>Admin: family-doctor teams (doctors, lead, taking new patients) and the service packages on offer.</summary>
internal sealed class FamilyAdminEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Administration").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity).RequireAuthorization(Policies.SystemAdmin);

        admin.MapGet("/family-teams", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListFamilyTeamsForAdmin(), ct)))
            .WithSummary("Family-doctor teams with their doctors and signed patients.");
        admin.MapPost("/family-teams", async (FamilyTeamInput body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new CreateFamilyTeam(body), ct);
                return TypedResults.Created($"/api/admin/family-teams/{created.Id}", created);
            })
            .WithSummary("Set up a family-doctor team.");
        admin.MapPut("/family-teams/{id:guid}", async (Guid id, FamilyTeamInput body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateFamilyTeam(id, body), ct)))
            .WithSummary("Change a team's names, doctors, lead and whether it takes new patients.");

        admin.MapGet("/family-packages", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListServicePackagesForAdmin(), ct)))
            .WithSummary("Family-doctor service packages.");
        admin.MapPost("/family-packages", async (CreatePackageRequest body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new CreateServicePackage(body.Code, body.Package), ct);
                return TypedResults.Created($"/api/admin/family-packages/{created.Id}", created);
            })
            .WithSummary("Add a service package.");
        admin.MapPut("/family-packages/{id:guid}", async (Guid id, ServicePackageInput body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateServicePackage(id, body), ct)))
            .WithSummary("Change what a service package offers.");
        admin.MapGet("/family-follow-up-templates", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListFollowUpTemplates(), ct)))
            .WithSummary("The follow-up plan templates a package can start when a patient signs.");
    }

    internal sealed record CreatePackageRequest(string Code, ServicePackageInput Package);
}
