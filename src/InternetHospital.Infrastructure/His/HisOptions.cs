using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.His;

public enum HisReaderKind
{
    /// <summary>The embedded demo HIS: seeded, in memory, no set-up.</summary>
    Demo,

    /// <summary>A FHIR R4 server (section <c>His:FhirReader</c>).</summary>
    Fhir,
}

public enum HisWriterKind
{
    /// <summary>The embedded demo HIS accepts every message (and remembers it, in memory).</summary>
    Demo,

    /// <summary>FHIR R4 REST (section <c>His:FhirWriter</c>): conditional updates keyed by the portal's identifiers.</summary>
    Fhir,

    /// <summary>HL7 v2.5 over MLLP (section <c>His:Mllp</c>).</summary>
    Hl7v2,
}

/// <summary>
/// Section <c>His</c>: which adapters talk to the hospital's HIS. Reading and writing are configured separately,
/// because most hospitals expose them differently (FHIR for reads, HL7 v2 over MLLP for writes is common).
/// </summary>
public sealed class HisOptions
{
    public const string Section = "His";

    public HisReaderKind Reader { get; set; } = HisReaderKind.Demo;

    public HisWriterKind Writer { get; set; } = HisWriterKind.Demo;

    public HisIdentifierOptions Identifiers { get; set; } = new();

    public HisFhirReaderOptions FhirReader { get; set; } = new();

    public HisReadCacheOptions ReadCache { get; set; } = new();

    public HisFhirWriterOptions FhirWriter { get; set; } = new();

    public HisMllpOptions Mllp { get; set; } = new();

    public HisOutboxOptions Outbox { get; set; } = new();
}

/// <summary>Identifier systems (FHIR) and assigning authorities (HL7 v2) both sides agree on.</summary>
public sealed class HisIdentifierOptions
{
    /// <summary>FHIR identifier system of Chinese resident ID numbers.</summary>
    [Required]
    public string ResidentIdSystem { get; set; } = "urn:oid:2.16.156.10011.1.3";

    [Required]
    public string PassportSystem { get; set; } = "urn:oid:2.16.156.10011.1.4";

    /// <summary>FHIR identifier system of the HIS's medical record numbers.</summary>
    [Required]
    public string MedicalRecordNumberSystem { get; set; } = "urn:his:mrn";

    /// <summary>Prefix of the portal's own identifier systems: <c>{prefix}patient</c>, <c>{prefix}appointment</c>, ...</summary>
    [Required]
    public string PortalSystemPrefix { get; set; } = "urn:internet-hospital:";

    /// <summary>HL7 v2 assigning authority of the portal's ids (PID-3, SCH-1, ORC-2).</summary>
    [Required]
    public string PortalAuthority { get; set; } = "IH";

    /// <summary>HL7 v2 assigning authority of the HIS's own patient ids.</summary>
    [Required]
    public string HisAuthority { get; set; } = "HIS";

    public string PortalSystem(string kind) => PortalSystemPrefix + kind;
}

public sealed class HisFhirReaderOptions
{
    /// <summary>Base URL of the FHIR R4 endpoint reads go to (required when <c>His:Reader</c> is <c>Fhir</c>).</summary>
    public Uri? BaseUrl { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Tries per read (1 = no retry) before answering from the cache.</summary>
    [Range(1, 5)]
    public int Attempts { get; set; } = 2;

    /// <summary>Encounters read per patient (newest first).</summary>
    [Range(1, 200)]
    public int EncounterCount { get; set; } = 20;
}

public sealed class HisReadCacheOptions
{
    /// <summary>A patient's HIS data younger than this is served without asking the HIS again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan FreshFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>While the HIS is down, the last copy is served (marked stale, with its "as of" time) up to this age.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan ServeStaleFor { get; set; } = TimeSpan.FromHours(24);
}

public sealed class HisFhirWriterOptions
{
    /// <summary>Base URL of the FHIR R4 endpoint writes go to (required when <c>His:Writer</c> is <c>Fhir</c>).</summary>
    public Uri? BaseUrl { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}

public sealed class HisMllpOptions
{
    /// <summary>Host of the HIS's MLLP listener (required when <c>His:Writer</c> is <c>Hl7v2</c>).</summary>
    public string? Host { get; set; }

    [Range(0, 65535)]
    public int Port { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for the ACK once a message is sent; no ACK in time counts as not delivered.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Required]
    public string SendingApplication { get; set; } = "INTERNETHOSPITAL";

    [Required]
    public string SendingFacility { get; set; } = "IH";

    [Required]
    public string ReceivingApplication { get; set; } = "HIS";

    [Required]
    public string ReceivingFacility { get; set; } = "HOSPITAL";

    /// <summary>MSH-11: P production, T training, D debugging.</summary>
    [RegularExpression("^[PTD]$")]
    public string ProcessingId { get; set; } = "P";
}

public sealed class HisOutboxOptions
{
    /// <summary>Run the dispatcher in this process (turn off on instances that must not talk to the HIS).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How long the dispatcher sleeps when nothing is due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 500)]
    public int BatchSize { get; set; } = 20;

    /// <summary>Delivery attempts before a message is dead-lettered (kept with its last error for an admin).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Within one delivery, quick retries after a network failure (exponential backoff with jitter).</summary>
    [Range(0, 5)]
    public int ImmediateRetries { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan ImmediateRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>First wait before a failed message is tried again; it doubles per attempt (with jitter) up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A claimed message is another instance's for this long; after a crash it is claimed again (the HIS de-duplicates).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>After this many network failures in a row the dispatcher stops calling the HIS for <see cref="CircuitBreakDuration"/>.</summary>
    [Range(2, 1000)]
    public int CircuitBreakAfter { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Rules that span sections: an adapter chosen needs its endpoint.</summary>
internal sealed class HisOptionsValidator : IValidateOptions<HisOptions>
{
    public ValidateOptionsResult Validate(string? name, HisOptions options)
    {
        var failures = new List<string>();
        Annotations(options, "His", failures);
        Annotations(options.Identifiers, "His:Identifiers", failures);
        Annotations(options.FhirReader, "His:FhirReader", failures);
        Annotations(options.ReadCache, "His:ReadCache", failures);
        Annotations(options.FhirWriter, "His:FhirWriter", failures);
        Annotations(options.Mllp, "His:Mllp", failures);
        Annotations(options.Outbox, "His:Outbox", failures);

        if (options.Reader == HisReaderKind.Fhir && options.FhirReader.BaseUrl is not { IsAbsoluteUri: true })
        {
            failures.Add("His:FhirReader:BaseUrl must be an absolute URL when His:Reader is Fhir.");
        }

        if (options.Writer == HisWriterKind.Fhir && options.FhirWriter.BaseUrl is not { IsAbsoluteUri: true })
        {
            failures.Add("His:FhirWriter:BaseUrl must be an absolute URL when His:Writer is Fhir.");
        }

        if (options.Writer == HisWriterKind.Hl7v2 && (string.IsNullOrWhiteSpace(options.Mllp.Host) || options.Mllp.Port is < 1 or > 65535))
        {
            failures.Add("His:Mllp:Host and His:Mllp:Port are required when His:Writer is Hl7v2.");
        }

        if (options.Outbox.RetryMaxDelay < options.Outbox.RetryBaseDelay)
        {
            failures.Add("His:Outbox:RetryMaxDelay must not be shorter than His:Outbox:RetryBaseDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Annotations(object section, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{path}: {r.ErrorMessage}"));
        }
    }
}
