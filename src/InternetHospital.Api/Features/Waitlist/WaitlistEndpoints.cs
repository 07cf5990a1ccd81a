using InternetHospital.Api.Common;
using InternetHospital.Application.Waitlist;
using InternetHospital.Domain.Hospital;
using Mediator;

namespace InternetHospital.Api.Features.Waitlist;

internal sealed class WaitlistEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/waitlist").WithTags("Waitlist").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity).RequireAuthorization(Policies.Patient);
        group.MapGet("/", async (Guid patientId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListWaitlist(patientId), ct)))
            .WithSummary("The patient's waitlist entries.");
        group.MapPost("/", async (JoinRequest body, ISender sender, CancellationToken ct) =>
            {
                var entry = await sender.Send(new JoinWaitlist(body.PatientId, body.DoctorId, body.Date, body.VisitType), ct);
                return TypedResults.Created($"/api/waitlist/{entry.Id}", entry);
            })
            .WithSummary("Wait for a doctor's day that is fully booked; a freed slot is held for the first in line.");
        group.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new LeaveWaitlist(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Leave a waitlist.");
    }

    internal sealed record JoinRequest(Guid PatientId, Guid DoctorId, DateOnly Date, VisitType VisitType);
}
