using System.Text.Json;
using InternetHospital.Application.Sms;

namespace InternetHospital.Infrastructure.Sms;

/// <summary>
/// Development stand-in: writes each message as a JSON file (number, template, values and the text as the provider would
/// render it) into a folder, like the e-mail pickup directory. Never used outside Development unless a staging site opts in.
/// </summary>
internal sealed class DirectorySmsSender(string directory) : ISmsSender
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task SendAsync(SmsSend message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{message.Id:N}.json");
        var content = new
        {
            to = message.To,
            template = message.Template.Key,
            parameters = message.Parameters,
            language = message.Language,
            text = message.Template.Render(message.Language, message.Parameters),
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(content, Indented), cancellationToken);
    }
}
