namespace InternetHospital.Api.Common;

/// <summary>
/// Extensions every problem document may carry. The codes themselves are listed, with their statuses, in
/// <see cref="Application.Common.ProblemCodes"/>.
/// </summary>
internal static class ProblemExtensions
{
    /// <summary>A stable, machine-readable reason that clients translate (e.g. <c>duplicate_email</c>); every problem has one.</summary>
    public const string Code = "code";

    /// <summary>On a 400 <c>validation_failed</c>: field → codes (e.g. <c>{"mobile": ["invalid_mobile"]}</c>), beside <c>errors</c> (field → messages).</summary>
    public const string FieldCodes = "fieldCodes";

    public const string TraceId = "traceId";
}
