using InternetHospital.Api.Common;
using InternetHospital.Application.Emergency.Administration;
using InternetHospital.Domain.Emergency;
using Mediator;

namespace InternetHospital.Api.Features.Emergency;

/// <summary>
/// The emergency set-up (急救组织管理): ambulance services and their crews (the consortium's administrator: a service is
/// no institution's), receiving hospitals with their emergency department's phone, and their pathway teams (an
/// institution's administrator for its own hospital, 403 <c>institution_scope_denied</c> for another's). Every change is
/// audit-logged.
/// </summary>
internal sealed class EmergencyAdminEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/emergency").WithTags("Emergency administration")
            .WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.SystemAdmin);

        admin.MapGet("/services", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListAmbulanceServices(), ct)))
            .WithSummary("The ambulance services with their crews; 'editable' when you may change them (the consortium's administrator).");
        admin.MapPost("/services", async (CreateAmbulanceService body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(body, ct);
                return TypedResults.Created($"/api/admin/emergency/services/{created.Id}", created);
            })
            .RequireAuthorization(Policies.ConsortiumAdmin)
            .WithSummary("Add an ambulance service (the consortium's administrator only).");
        admin.MapPut("/services/{id:guid}", async (Guid id, ServiceRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateAmbulanceService(id, body.Name, body.NameEn, body.IsActive), ct)))
            .RequireAuthorization(Policies.ConsortiumAdmin)
            .WithSummary("Rename a service, or deactivate it (its crews can no longer start or change cases) and back.");
        admin.MapPut("/services/{id:guid}/crew/{accountId:guid}", async (Guid id, Guid accountId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AddCrewMember(id, accountId), ct)))
            .RequireAuthorization(Policies.ConsortiumAdmin)
            .WithSummary("Put a paramedic's account on the service's crew (422 crew_needs_paramedic_role, 409 crew_in_another_service).");
        admin.MapDelete("/services/{id:guid}/crew/{accountId:guid}", async (Guid id, Guid accountId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RemoveCrewMember(id, accountId), ct)))
            .RequireAuthorization(Policies.ConsortiumAdmin)
            .WithSummary("Take an account off the service's crew.");

        admin.MapGet("/hospitals", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListReceivingHospitals(), ct)))
            .WithSummary("The institutions: which receive ambulances (position, emergency department phone) and their pathway teams.");
        admin.MapPut("/hospitals/{facilityId:guid}", async (Guid facilityId, HospitalRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new SetReceivingHospital(facilityId, body.Latitude, body.Longitude, body.EdPhone), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Make an institution a receiving hospital, or change its position and emergency department phone (your own institution).");
        admin.MapPost("/hospitals/{facilityId:guid}/team-members", async (Guid facilityId, TeamMemberRequest body, ISender sender, CancellationToken ct) =>
            {
                var member = await sender.Send(new AddPathwayTeamMember(facilityId, body.Pathway, body.AccountId), ct);
                return TypedResults.Created($"/api/admin/emergency/hospitals/{facilityId}/team-members/{member.Id}", member);
            })
            .WithSummary("Put a staff account on the hospital's stroke, chest-pain or trauma team (409 already_on_pathway_team).");
        admin.MapDelete("/hospitals/{facilityId:guid}/team-members/{memberId:guid}", async (Guid facilityId, Guid memberId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RemovePathwayTeamMember(facilityId, memberId), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Take a member off a pathway team.");
    }

    internal sealed record ServiceRequest(string? Name, string? NameEn, bool? IsActive);

    internal sealed record HospitalRequest(double? Latitude, double? Longitude, string? EdPhone);

    internal sealed record TeamMemberRequest(EmergencyPathway? Pathway, Guid? AccountId);
}
