using InternetHospital.Api.Common;
using InternetHospital.Application.VideoVisits.Recording;
using InternetHospital.Domain.Accounts;
using Mediator;

namespace InternetHospital.Api.Features.VideoVisits;

/// <summary>
/// The medical-records office (病案室): the recordings of its own institutions' visits to find and play (playing goes
/// through the visit's recording endpoints, which check the institution and audit every range).
/// </summary>
internal sealed class MedicalRecordsEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/medical-records").WithTags("Medical records").WithProblems().RequireAuthorization(Roles.MedicalRecords);

        group.MapGet("/recordings", async (DateOnly? from, DateOnly? to, string? doctor, string? patient, HttpContext context, ISender sender, CancellationToken ct) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(await sender.Send(new SearchVisitRecordings(from, to, doctor, patient), ct));
            })
            .WithSummary("Recordings of visits of your own institutions, newest first (at most 200), by recording day (hospital time), doctor and patient name; audit-logged.");
    }
}
