using System.ComponentModel.DataAnnotations;

namespace InternetHospital.Infrastructure.Notifications;

public enum EmailDelivery
{
    /// <summary>Write each message as an .eml file into a folder (Development default: read them with any mail client).</summary>
    PickupDirectory,

    /// <summary>Send through an SMTP server.</summary>
    Smtp,
}

/// <summary>Section <c>Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailDelivery Delivery { get; set; } = EmailDelivery.PickupDirectory;

    /// <summary>Relative to the data directory.</summary>
    public string PickupDirectory { get; set; } = "mail";

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "no-reply@internethospital.local";

    public string FromName { get; set; } = "InternetHospital";

    public SmtpOptions Smtp { get; set; } = new();

    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How often the dispatcher looks for due messages.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>None, StartTls or SslOnConnect. Use StartTls or SslOnConnect in production.</summary>
    public string Security { get; set; } = "StartTls";

    public string? Username { get; set; }

    public string? Password { get; set; }
}
