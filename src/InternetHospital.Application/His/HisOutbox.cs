using System.Text.Json;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Domain.His;

namespace InternetHospital.Application.His;

internal sealed class HisOutbox(IAppDbContext db, TimeProvider clock) : IHisOutbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Enqueue(Guid patientId, HisMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = JsonSerializer.Serialize(message, message.GetType(), Json);
        db.HisOutbox.Add(HisOutboxMessage.Create(patientId, message.Kind, payload, clock.GetUtcNow()));
    }
}
