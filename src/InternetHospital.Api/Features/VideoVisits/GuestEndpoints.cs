using InternetHospital.Api.Common;
using InternetHospital.Application.VideoVisits;
using InternetHospital.Application.VideoVisits.Guests;
using InternetHospital.Application.VideoVisits.Room;
using InternetHospital.Domain.VideoVisits;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace InternetHospital.Api.Features.VideoVisits;

/// <summary>
/// Guests of a video visit (interpreter, relative, carer) invited by link: the doctor (or the patient, for a relative, when
/// allowed) invites, lists, admits and revokes; the guest redeems the link without an account and gets a credential for
/// the visit's hub and chat only (<see cref="GuestAuthentication"/>).
/// </summary>
internal sealed class GuestEndpoints : IEndpointGroup
{
    // Note: the visit's doctor invites, and its patient may (a relative, when the hospital allows it); which of them
    // may do what in this visit is VisitAccess's check.
    private static readonly AuthorizeAttribute PatientOrDoctor = new() { Roles = $"{Policies.Patient},{Policies.Doctor}" };

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/visits/{id:guid}/guests").WithTags("Video visits").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/", async (Guid id, InviteRequest body, ISender sender, CancellationToken ct) =>
            {
                var guest = await sender.Send(new InviteGuest(id, body.Role, body.Email ?? string.Empty), ct);
                return TypedResults.Created($"/api/visits/{id}/guests", guest);
            })
            .RequireAuthorization(PatientOrDoctor)
            .RequireAccountRateLimit(RateLimitPolicies.Messaging)
            .WithSummary("Invite a guest (interpreter, relative, carer) by e-mail: a single-use link to this visit.");
        group.MapGet("/", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListVisitGuests(id), ct)))
            .RequireAuthorization(PatientOrDoctor)
            .WithSummary("The visit's guests and where each stands (invited, waiting, admitted, revoked, expired).");
        group.MapPost("/{guestId:guid}/admit", async (Guid id, Guid guestId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AdmitGuest(id, guestId), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Let a waiting guest into the call.");
        group.MapDelete("/{guestId:guid}", async (Guid id, Guid guestId, ISender sender, IHubContext<VisitHub> hub, CancellationToken ct) =>
            {
                var revoked = await sender.Send(new RevokeGuest(id, guestId), ct);

                // Note: the guest leaves the call and the room as a dropped connection would (LeaveVisitCall), then the
                // connections are taken out of the room's group, so not even chat pushes reach them.
                foreach (var connectionId in revoked.ConnectionIds)
                {
                    foreach (var peer in await sender.Send(new LeaveVisitCall(connectionId, revoked.VisitId, Disconnected: true), ct))
                    {
                        await hub.Clients.Group(VisitHub.Group(peer.VisitId)).SendAsync(VisitRoomEvents.PeerLeft, new PeerLeftEvent(peer.VisitId, peer.PeerId, "left"), ct);
                    }

                    await hub.Clients.Client(connectionId).SendAsync(VisitRoomEvents.GuestsChanged, new GuestsChangedEvent(revoked.VisitId), ct);
                    await hub.Groups.RemoveFromGroupAsync(connectionId, VisitHub.Group(revoked.VisitId), ct);
                }

                return TypedResults.NoContent();
            })
            .RequireAuthorization(PatientOrDoctor)
            .WithSummary("Withdraw a guest's link: it opens nothing any more and the guest leaves the call.");

        app.MapPost("/api/guest-links/redeem", async (RedeemRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RedeemGuestLink(body.Token ?? string.Empty, body.DeviceSecret ?? string.Empty, body.Name ?? string.Empty), ct)))
            .WithTags("Video visits")
            .WithProblems(StatusCodes.Status409Conflict)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithSummary("Open a guest link (no account): binds it to this device and returns a credential for the visit's call and chat.");
    }

    internal sealed record InviteRequest(GuestRole Role, string? Email);

    // Note: no role: the guest is what the inviter chose (RedeemGuestLink); a role an older page still sends is ignored.
    internal sealed record RedeemRequest(string? Token, string? DeviceSecret, string? Name);
}
