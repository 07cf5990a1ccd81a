namespace InternetHospital.Application.Renewals;

public sealed record RenewalSettingsView(decimal Fee, string Currency, int LongPrescriptionMaxDays, DateTimeOffset? UpdatedAt);
