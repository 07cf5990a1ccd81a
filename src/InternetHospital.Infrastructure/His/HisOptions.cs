namespace InternetHospital.Infrastructure.His;

public enum HisReaderKind
{
    /// <summary>The embedded demo HIS: seeded, in memory, no set-up.</summary>
    Demo,
}

/// <summary>Section <c>His</c>: which adapter talks to the hospital's HIS.</summary>
public sealed class HisOptions
{
    public const string Section = "His";

    public HisReaderKind Reader { get; set; } = HisReaderKind.Demo;
}
