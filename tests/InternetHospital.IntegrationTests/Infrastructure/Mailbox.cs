using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;

namespace InternetHospital.IntegrationTests.Infrastructure;

/// <summary>
/// The real SMTP server that ./test.sh starts (smtp4dev): the app sends to it, tests read what arrived
/// through its HTTP API. Recipients are unique per test, so tests never see each other's mail.
/// </summary>
public static class Mailbox
{
    public const string SmtpVariable = "IH_TEST_SMTP";
    public const string ApiVariable = "IH_TEST_SMTP_API";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static (string Host, int Port) Smtp
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(SmtpVariable);
            if (string.IsNullOrEmpty(value))
            {
                throw new InvalidOperationException($"The tests need an SMTP server: run ./test.sh (it starts smtp4dev), or set {SmtpVariable}=host:port and {ApiVariable}=http://host:port.");
            }

            var parts = value.Split(':');
            return (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static string Api => Environment.GetEnvironmentVariable(ApiVariable) ?? throw new InvalidOperationException($"Set {ApiVariable} (./test.sh does).");

    /// <summary>Waits until a message to <paramref name="to"/> whose subject contains the text arrives, and returns it parsed.</summary>
    public static async Task<MimeMessage> WaitForAsync(string to, string subjectContains, TimeSpan? timeout = null)
    {
        // Note: the bound only matters when the mail never comes; on a loaded 2-core machine the outbox round, the SMTP
        // hand-over and smtp4dev's indexing took longer than 20 s once (a renewal mail, seen: none).
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var found = await FindAsync(to, subjectContains);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                var seen = string.Join(", ", (await ListAsync(to)).Select(m => m.Subject));
                throw new Xunit.Sdk.XunitException($"No e-mail to {to} with '{subjectContains}' in the subject arrived. Seen: [{seen}]");
            }

            await Task.Delay(100);
        }
    }

    public static async Task<IReadOnlyList<MimeMessage>> ListAsync(string to)
    {
        var page = await Http.GetFromJsonAsync<JsonElement>($"{Api}/api/messages?pageSize=1000&searchTerms={Uri.EscapeDataString(to)}");
        var messages = new List<MimeMessage>();
        foreach (var summary in page.GetProperty("results").EnumerateArray())
        {
            var recipients = summary.GetProperty("to").EnumerateArray().Select(r => r.GetString()).Append(summary.TryGetProperty("deliveredTo", out var d) ? d.GetString() : null);
            if (!recipients.Any(r => string.Equals(r, to, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            await using var source = await Http.GetStreamAsync($"{Api}/api/messages/{summary.GetProperty("id").GetString()}/download");
            messages.Add(await MimeMessage.LoadAsync(source));
        }

        return messages;
    }

    private static async Task<MimeMessage?> FindAsync(string to, string subjectContains) =>
        (await ListAsync(to)).FirstOrDefault(m => m.Subject?.Contains(subjectContains, StringComparison.Ordinal) == true);
}
