using InternetHospital.Api.Common;
using InternetHospital.Application.Institutions;
using Mediator;

namespace InternetHospital.Api.Features.Institutions;

/// <summary>
/// The consortium's institutions (医联体成员): their settings and who works where. A system administrator changes its
/// own institutions (403 <c>institution_scope_denied</c> for another's); the consortium's administrator changes any and
/// adds institutions.
/// </summary>
internal sealed class InstitutionEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Institutions")
            .WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.SystemAdmin);

        admin.MapGet("/institutions", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListInstitutions(), ct)))
            .WithSummary("The institutions of the consortium with their settings; 'editable' marks the ones you may change.");
        admin.MapPost("/institutions", async (CreateInstitution body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(body, ct);
                return TypedResults.Created($"/api/admin/institutions/{created.Id}", created);
            })
            .RequireAuthorization(Policies.ConsortiumAdmin)
            .WithSummary("Add an institution (the consortium's administrator only).");
        admin.MapPut("/institutions/{id:guid}", async (Guid id, InstitutionSettings body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateInstitution(id, body), ct)))
            .WithSummary("Change an institution's names, level, time zone, address, phone and own HIS (403 institution_scope_denied for another institution).");

        admin.MapGet("/staff-institutions", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListStaffInstitutions(), ct)))
            .WithSummary("Staff accounts with the institutions they work at.");
        admin.MapPut("/staff-institutions/{accountId:guid}", async (Guid accountId, StaffInstitutionsRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetStaffInstitutions(accountId, body.InstitutionIds), ct)))
            .WithSummary("Set the institutions a staff account works at (a system administrator changes only its own institutions' memberships).");
    }

    internal sealed record StaffInstitutionsRequest(IReadOnlyList<Guid>? InstitutionIds);
}
