namespace InternetHospital.Application.Common.Abstractions;

/// <summary>
/// Pushes an event to every open browser of an account (SignalR). Best effort: the data is already saved and
/// the browser refetches on reconnect, so a push that fails is logged, never thrown.
/// </summary>
public interface ILiveUpdates
{
    Task SendToAccountAsync(Guid accountId, string eventName, object payload, CancellationToken cancellationToken);
}
