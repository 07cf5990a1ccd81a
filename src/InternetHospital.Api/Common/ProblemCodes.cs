namespace InternetHospital.Api.Common;

/// <summary>Extensions every problem document may carry.</summary>
internal static class ProblemExtensions
{
    /// <summary>A stable, machine-readable reason that clients translate (e.g. <c>duplicate_email</c>).</summary>
    public const string Code = "code";

    public const string TraceId = "traceId";
}
