using InternetHospital.Domain.His;

namespace InternetHospital.Application.His;

internal sealed class HisOutbox(IAppDbContext db, TimeProvider clock) : IHisOutbox
{
    public void Enqueue(Guid patientId, HisMessage message) => Enqueue(patientId, message, facilityId: null);

    public void Enqueue(Guid patientId, HisMessage message, Guid? facilityId)
    {
        ArgumentNullException.ThrowIfNull(message);
        db.HisOutbox.Add(HisOutboxMessage.Create(patientId, message.Kind, HisMessageSerializer.Serialize(message), clock.GetUtcNow(), facilityId));
    }
}
