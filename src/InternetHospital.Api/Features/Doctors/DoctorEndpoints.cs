using InternetHospital.Api.Common;
using InternetHospital.Application.Doctors;
using Mediator;

namespace InternetHospital.Api.Features.Doctors;

internal sealed class DoctorEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var doctors = app.MapGroup("/api/doctors").WithTags("Doctors").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        doctors.MapGet("/me", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMyDoctorProfile(), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("The signed-in doctor's professional profile.");
    }
}
