using System.Globalization;
using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.His;

namespace InternetHospital.Application.His;

public static class HisNotifications
{
    public const string DeadLettered = "his.dead_lettered";
}

/// <summary>
/// Tells every system administrator (who runs the HIS link), in the notification centre, that a message to the HIS was given up on after its last attempt,
/// with a link to the message (its error, payload and retry). In-app only: when the HIS is down for long, many messages
/// can lapse together, and a mail per message would bury the one that matters.
/// </summary>
public sealed class HisDeadLetterAlerts(IAccountService accounts, INotifier notifier)
{
    public async Task AlertAsync(HisOutboxMessage message, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>
        {
            ["messageKind"] = message.Kind,
            ["attempts"] = message.Attempts.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var admin in (await accounts.AccountIdsInRoleAsync(Roles.SystemAdmin, cancellationToken)).Concat(await accounts.AccountIdsInRoleAsync(Roles.ConsortiumAdmin, cancellationToken)))
        {
            await notifier.NotifyAsync(new Notice(admin, HisNotifications.DeadLettered, parameters, $"/admin/his/messages/{message.Id}", SendEmail: false), cancellationToken);
        }
    }
}
