using InternetHospital.Api.Common;
using InternetHospital.Application.Patients;
using Mediator;

namespace InternetHospital.Api.Features.Patients;

internal sealed class AdminPatientEndpoints : IEndpointGroup
{
    internal sealed record PatientSearch(string? IdNumber, string? Name);

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/admin/patients").WithTags("Patients").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable).RequireAuthorization(Policies.AuditAdmin)
            // Note: a POST, so an identity number never appears in a URL, a log line or browser history (domain rule 16).
            .MapPost("/search", async (PatientSearch body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new FindPatients(body.IdNumber, body.Name), ct)))
            .WithSummary("Find patients by exact ID number or by name (masked results).");
    }
}
