using System.Collections.Concurrent;
using InternetHospital.Infrastructure.His.Delivery;

namespace InternetHospital.Infrastructure.His.Demo;

/// <summary>The embedded demo HIS accepts every message once (by message id) and keeps it in memory.</summary>
internal sealed class DemoHisWriter : IHisWriter
{
    private readonly ConcurrentDictionary<Guid, HisOutboundMessage> received = new();

    public IReadOnlyCollection<HisOutboundMessage> Received => received.Values.ToList();

    public Task DeliverAsync(HisOutboundMessage message, CancellationToken cancellationToken)
    {
        received.TryAdd(message.MessageId, message);
        return Task.CompletedTask;
    }
}
