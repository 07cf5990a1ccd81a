using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Application.Care;

public sealed record FreeSlotView(Guid Id, DateTimeOffset Start, DateTimeOffset End, DateOnly LocalDate, bool OffersInPerson, bool OffersVideo)
{
    public static FreeSlotView From(Slot s) => new(s.Id, s.Start, s.End, s.LocalDate, s.OffersInPerson, s.OffersVideo);
}
