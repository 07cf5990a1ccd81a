using InternetHospital.Api.Common;
using InternetHospital.Application.Patients;
using Mediator;

namespace InternetHospital.Api.Features.Patients;

internal sealed class AdminPatientEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/admin/patients").WithTags("Patients").RequireAuthorization(Policies.Admin)
            .MapGet("/", async (ISender sender, CancellationToken ct, string? idNumber, string? name) =>
                TypedResults.Ok(await sender.Send(new FindPatients(idNumber, name), ct)))
            .WithSummary("Find patients by exact ID number or by name (masked results).");
    }
}
