using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Application.Scheduling;

public sealed record BlockView(Guid Id, DateTimeOffset Start, DateTimeOffset End, string Reason)
{
    public static BlockView From(BlockedPeriod block) => new(block.Id, block.Start, block.End, block.Reason);
}
