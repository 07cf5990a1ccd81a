namespace InternetHospital.Infrastructure.Seeding;

/// <summary>Section <c>DemoData</c>. Demo data is only ever seeded in the Development environment.</summary>
public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    public bool Enabled { get; set; }
}
