using InternetHospital.Api.Common;
using InternetHospital.Application.Notifications;
using Mediator;

namespace InternetHospital.Api.Features.Notifications;

internal sealed class NotificationEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").WithProblems().RequireAuthorization();
        group.MapGet("/", async (ISender sender, CancellationToken ct, bool unreadOnly = false, int page = 1, int pageSize = 20) =>
                TypedResults.Ok(await sender.Send(new ListNotifications(unreadOnly, page, pageSize), ct)))
            .WithSummary("Your notifications, newest first, with the unread count.");
        group.MapPost("/{id:guid}/read", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new MarkNotificationRead(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Mark one notification as read.");
        group.MapPost("/read-all", async (ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new MarkAllNotificationsRead(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Mark all your notifications as read.");

        app.MapHub<NotificationHub>(NotificationHub.Path).RequireAuthorization();
    }
}
