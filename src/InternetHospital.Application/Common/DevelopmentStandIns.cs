namespace InternetHospital.Application.Common;

/// <summary>
/// The development stand-ins (simulated payment gateway <c>payments</c>, demo HIS <c>his</c>) a site outside
/// Development was explicitly allowed to run with (<c>AllowDevelopmentStandIns=true</c>, a staging site). Empty in
/// Development and tests, where they are the normal set-up, and on every real site. The SPA shows a banner while it
/// is not empty, so nobody mistakes a staging site for the hospital.
/// </summary>
public sealed record DevelopmentStandIns(IReadOnlyList<string> Active)
{
    public const string Payments = "payments";
    public const string His = "his";
    public const string Sms = "sms";

    public static DevelopmentStandIns None { get; } = new([]);
}
