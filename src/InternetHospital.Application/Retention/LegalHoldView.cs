using InternetHospital.Domain.Retention;

namespace InternetHospital.Application.Retention;

public sealed record LegalHoldView(
    Guid Id,
    Guid PatientId,
    string Reason,
    Guid PlacedByAccountId,
    DateTimeOffset PlacedAt,
    DateTimeOffset? ReleasedAt,
    Guid? ReleasedByAccountId,
    string? ReleaseReason)
{
    internal static LegalHoldView Of(LegalHold h) =>
        new(h.Id, h.PatientId, h.Reason, h.PlacedByAccountId, h.PlacedAt, h.ReleasedAt, h.ReleasedByAccountId, h.ReleaseReason);
}
