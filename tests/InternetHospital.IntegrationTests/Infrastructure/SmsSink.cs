using System.Text.Json;
using InternetHospital.Infrastructure.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InternetHospital.IntegrationTests.Infrastructure;

/// <summary>Reads the development SMS sink (one JSON file per message in the host's App_Data/sms), as a phone would.</summary>
public static class SmsSink
{
    public static string Directory(ApiFactory factory) =>
        Path.Combine(factory.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory, "sms");

    /// <summary>A fresh mainland number nobody else in the run uses.</summary>
    public static string NewMobile() => "139" + Random.Shared.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every message sent to <paramref name="mobile"/> so far.</summary>
    public static IReadOnlyList<JsonElement> MessagesTo(ApiFactory factory, string mobile)
    {
        var directory = Directory(factory);
        if (!System.IO.Directory.Exists(directory))
        {
            return [];
        }

        return System.IO.Directory.GetFiles(directory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.Clone())
            .Where(m => m.GetProperty("to").GetString() == mobile)
            .ToList();
    }

    /// <summary>Waits for message number <paramref name="count"/> to <paramref name="mobile"/> (the outbox sends within a second) and returns its code.</summary>
    public static async Task<string> CodeAsync(ApiFactory factory, string mobile, int count = 1)
    {
        for (var i = 0; i < 100; i++)
        {
            var messages = MessagesTo(factory, mobile);
            if (messages.Count >= count)
            {
                return messages[count - 1].GetProperty("parameters").GetProperty("code").GetString()!;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No SMS number {count} reached {mobile}.");
    }
}
