using InternetHospital.Domain.His;

namespace InternetHospital.Application.His;

internal sealed class HisOutbox(IAppDbContext db, TimeProvider clock) : IHisOutbox
{
    public void Enqueue(Guid patientId, HisMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        db.HisOutbox.Add(HisOutboxMessage.Create(patientId, message.Kind, HisMessageSerializer.Serialize(message), clock.GetUtcNow()));
    }
}
