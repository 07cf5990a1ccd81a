using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Imaging;

public enum ImagingArchiveKind
{
    /// <summary>A few small studies embedded in the application (Development only): no PACS needed to see images.</summary>
    Demo,

    /// <summary>The hospital's PACS through DICOMweb (section <c>Imaging:DicomWeb</c>).</summary>
    DicomWeb,
}

/// <summary>Section <c>Imaging</c>: where the portal reads and stores DICOM studies.</summary>
public sealed class ImagingOptions
{
    public const string Section = "Imaging";

    public ImagingArchiveKind Archive { get; set; } = ImagingArchiveKind.Demo;

    public DicomWebOptions DicomWeb { get; set; } = new();
}

public sealed class DicomWebOptions
{
    /// <summary>The DICOMweb root (QIDO-RS, WADO-RS and STOW-RS under it), e.g. <c>http://pacs:8042/dicom-web/</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>HTTP basic authentication towards the PACS (both or neither).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Tries per read (1 = no retry); a store is never retried by the portal.</summary>
    [Range(1, 5)]
    public int Attempts { get; set; } = 2;
}

internal sealed class ImagingOptionsValidator : IValidateOptions<ImagingOptions>
{
    public ValidateOptionsResult Validate(string? name, ImagingOptions options)
    {
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options.DicomWeb, new ValidationContext(options.DicomWeb), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"Imaging:DicomWeb: {r.ErrorMessage}"));
        }

        if (options.Archive == ImagingArchiveKind.DicomWeb && options.DicomWeb.BaseUrl is not { IsAbsoluteUri: true })
        {
            failures.Add("Imaging:DicomWeb:BaseUrl must be an absolute URL when Imaging:Archive is DicomWeb.");
        }

        if (string.IsNullOrEmpty(options.DicomWeb.Username) != string.IsNullOrEmpty(options.DicomWeb.Password))
        {
            failures.Add("Imaging:DicomWeb:Username and Imaging:DicomWeb:Password go together.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
