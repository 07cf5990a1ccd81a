using System.Text.Json;
using InternetHospital.Domain.Notifications;

namespace InternetHospital.Application.Sms;

internal sealed class SmsOutbox(IAppDbContext db, IOptions<HospitalOptions> hospital, TimeProvider clock) : ISmsOutbox
{
    public void Enqueue(string mobile, SmsTemplate template, IReadOnlyDictionary<string, SmsParameter> parameters, string language, string? timeZone)
    {
        // Note: exactly the template's parameters, no more: an extra value would be a way to smuggle text past the template.
        if (parameters.Count != template.Parameters.Count || !template.Parameters.All(parameters.ContainsKey))
        {
            throw new ArgumentException($"SMS template '{template.Key}' takes {string.Join(", ", template.Parameters)}.", nameof(parameters));
        }

        var now = clock.GetUtcNow();
        var notBefore = template.IsReminder ? QuietHours.NextAllowed(now, Zone(timeZone)) : now;
        var values = new SmsPayload(language, parameters.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal));
        db.SmsOutbox.Add(SmsMessage.Create(mobile, template.Key, JsonSerializer.Serialize(values), now, notBefore));
    }

    private TimeZoneInfo Zone(string? timeZone) =>
        timeZone is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : hospital.Value.TimeZoneInfo;
}

/// <summary>What an outbox row carries: the reader's language and the template's values.</summary>
public sealed record SmsPayload(string Language, Dictionary<string, string> Values);
