using InternetHospital.Api.Common;
using InternetHospital.Application.Appointments;
using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Hospital;
using Mediator;

namespace InternetHospital.Api.Features.Scheduling;

/// <summary>The signed-in doctor's own calendar and schedule: blocks, cancelled sessions, follow-up reviews and bookings.</summary>
internal sealed class DoctorScheduleEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/doctors/me").WithTags("Doctor schedule").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity).RequireAuthorization(Policies.Doctor);
        MapSchedule(me, _ => null);

        me.MapGet("/follow-up-reviews", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListFollowUpReviews(), ct)))
            .WithSummary("Video follow-ups waiting for your decision on uploaded proof.");
        me.MapPost("/follow-up-bookings", async (FollowUpBookingRequest body, ISender sender, CancellationToken ct) =>
            {
                var booked = await sender.Send(new BookFollowUpForPatient(body.PatientId, body.SlotId, body.VisitType, body.FollowUpTaskId), ct);
                return TypedResults.Created($"/api/appointments/{booked.Id}", booked);
            })
            .WithSummary("Book one of your slots as a follow-up for a patient you have seen or are the family doctor of.");
    }

    /// <summary>The calendar, blocks and session cancellation, for "me" (doctors) or a named doctor (admins).</summary>
    internal static void MapSchedule(RouteGroupBuilder group, Func<Guid?, Guid?> doctor)
    {
        group.MapGet("/calendar", async (ISender sender, CancellationToken ct, DateOnly from, int days = 7, Guid? id = null) =>
                TypedResults.Ok(await sender.Send(new GetDoctorCalendar(doctor(id), from, days), ct)))
            .WithSummary("Day or week calendar: slots with the appointments in them.");
        group.MapGet("/blocks", async (ISender sender, CancellationToken ct, Guid? id = null) => TypedResults.Ok(await sender.Send(new ListBlocks(doctor(id)), ct)))
            .WithSummary("Current and future blocked periods.");
        group.MapPost("/blocks", async (BlockRequest body, ISender sender, CancellationToken ct, Guid? id = null) =>
                TypedResults.Ok(await sender.Send(new BlockTime(doctor(id), body.StartDate, body.StartTime, body.EndDate, body.EndTime, body.Reason), ct)))
            .WithSummary("Block time (local times in the hospital's zone); free slots inside stop being offered.");
        group.MapDelete("/blocks/{blockId:guid}", async (Guid blockId, ISender sender, CancellationToken ct, Guid? id = null) =>
            {
                await sender.Send(new UnblockTime(doctor(id), blockId), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Lift a block.");
        group.MapPost("/sessions/cancel", async (CancelSessionRequest body, ISender sender, CancellationToken ct, Guid? id = null) =>
                TypedResults.Ok(await sender.Send(new CancelSession(doctor(id), body.Date, body.From, body.To, body.Reason), ct)))
            .WithSummary("Cancel a session: patients are told, refunded and offered the next free times.");
    }

    internal sealed record BlockRequest(DateOnly StartDate, TimeOnly StartTime, DateOnly EndDate, TimeOnly EndTime, string Reason);

    internal sealed record CancelSessionRequest(DateOnly Date, TimeOnly From, TimeOnly To, string Reason);

    internal sealed record FollowUpBookingRequest(Guid PatientId, Guid SlotId, VisitType VisitType, Guid? FollowUpTaskId = null);
}
