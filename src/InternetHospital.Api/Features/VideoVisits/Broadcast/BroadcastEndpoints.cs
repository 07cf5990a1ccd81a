using InternetHospital.Api.Common;
using InternetHospital.Application.VideoVisits.Broadcast;
using Mediator;

namespace InternetHospital.Api.Features.VideoVisits.Broadcast;

/// <summary>
/// Teaching broadcasts (issue 20): the visit's doctor starts and stops one and sees who watches; clinical staff list the
/// live ones and watch receive-only through Janus. The application checks who is asking (treating doctor; staff roles).
/// </summary>
internal sealed class BroadcastEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var visits = app.MapGroup("/api/video-visits").WithTags("Teaching broadcasts")
            .WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable);
        visits.MapGet("/{id:guid}/broadcast", async (Guid id, ISender sender, CancellationToken ct) =>
                await sender.Send(new GetVisitBroadcast(id), ct) is { } broadcast ? Results.Ok(broadcast) : Results.NoContent())
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("The visit's latest broadcast and its viewer list (who watched, from when to when); 204 if never broadcast.");
        visits.MapPost("/{id:guid}/broadcast", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new StartBroadcast(id), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Broadcast your camera in this call to watching staff (Janus only; everyone else in the call must have consented to recording).");
        visits.MapDelete("/{id:guid}/broadcast", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new StopBroadcast(id), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("End the visit's broadcast: every viewer is dropped.");
        visits.MapPut("/{id:guid}/broadcast/commentator", async (Guid id, CommentatorRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetBroadcastCommentator(id, body.AccountId), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Whose voice goes out over the picture: yours, or a doctor in the call.");

        var broadcasts = app.MapGroup("/api/broadcasts").WithTags("Teaching broadcasts")
            .WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status503ServiceUnavailable);
        broadcasts.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListLiveBroadcasts(), ct)))
            .RequireAuthorization()
            .WithSummary("Broadcasts live now that clinical staff may watch.");
        broadcasts.MapPost("/{id:guid}/watch", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new WatchBroadcast(id), ct)))
            .RequireAuthorization()
            .WithSummary("Start watching: join the viewer list and get a receive-only Janus token (Streaming plugin only).");
        broadcasts.MapPost("/{id:guid}/leave", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new LeaveBroadcast(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithSummary("Stop watching (the viewer list records when).");
    }
}

internal sealed record CommentatorRequest(Guid? AccountId);
