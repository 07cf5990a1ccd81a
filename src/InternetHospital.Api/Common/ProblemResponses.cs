namespace InternetHospital.Api.Common;

/// <summary>
/// What a group's endpoints may answer besides success, so the OpenAPI document lists the problem responses
/// (application/problem+json, with a <c>code</c> from <see cref="Application.Common.ProblemCodes"/>).
/// </summary>
internal static class ProblemResponses
{
    /// <summary>Every endpoint: invalid input (400), no or bad token (401), not allowed (403), not found or not yours (404).</summary>
    private static readonly int[] Common = [StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound];

    /// <summary>Declares the common problem responses plus the group's own (409 state conflict, 422 rule broken, 503…).</summary>
    public static TBuilder WithProblems<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in Common.Concat(statuses).Distinct())
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
