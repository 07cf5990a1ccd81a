using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Notifications;

/// <summary>
/// An entry in a person's in-app notification centre. It stores a kind and parameters, not text: each client
/// renders it in the reader's language.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
        Kind = ParametersJson = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }

    /// <summary>A stable name such as <c>appointment.booked</c>; clients translate it.</summary>
    public string Kind { get; private set; }

    /// <summary>Non-sensitive parameters for the text (dates, names of staff), as a JSON object of strings.</summary>
    public string ParametersJson { get; private set; }

    /// <summary>Where in the SPA the notification leads, e.g. <c>/appointments/{id}</c>.</summary>
    public string? Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public static Notification Create(Guid accountId, string kind, string parametersJson, string? link, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        AccountId = accountId,
        Kind = kind,
        ParametersJson = parametersJson,
        Link = link,
        CreatedAt = now,
    };

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
