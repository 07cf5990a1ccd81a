using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace InternetHospital.Api.Features.Notifications;

/// <summary>
/// The live channel of a signed-in person: notifications and other per-account events arrive here.
/// Clients only listen; the server decides who receives what (addressed by account id).
/// </summary>
[Authorize]
internal sealed class NotificationHub : Hub
{
    public const string Path = "/hubs/notifications";
}
