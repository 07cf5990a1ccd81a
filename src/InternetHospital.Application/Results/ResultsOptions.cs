using System.ComponentModel.DataAnnotations;

namespace InternetHospital.Application.Results;

/// <summary>Section <c>Results</c>: the hospital's release rules for laboratory results (domain rule 25).</summary>
public sealed class ResultsOptions
{
    public const string Section = "Results";

    /// <summary>
    /// Test codes (LOINC, or the HIS's local codes) whose reports are sensitive: the patient sees them only after the
    /// ordering doctor releases them or after <see cref="SensitiveReleaseDelay"/>. A report is sensitive when its own
    /// code or any of its values' codes is listed (local codes are also matched through the catalogue's LOINC code).
    /// </summary>
    public string[] SensitiveCodes { get; set; } =
    [
        "56888-1", "7917-8", "HIV", // HIV tests
        "GENE", "81247-9", // genetic tests
        "PATH-MAL", "22637-3", // pathology (malignancy)
    ];

    /// <summary>How long after it arrives a sensitive report is released by itself when its doctor has not released it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00")]
    public TimeSpan SensitiveReleaseDelay { get; set; } = TimeSpan.FromDays(7);

    /// <summary>At most this many reports are listed (newest first).</summary>
    [Range(1, 1000)]
    public int ListLimit { get; set; } = 200;
}
