using InternetHospital.Api.Common;
using InternetHospital.Application.Care;
using InternetHospital.Domain.Hospital;
using Mediator;

namespace InternetHospital.Api.Features.Care;

/// <summary>Finding care: departments, doctors, their free times. Anyone signed in.</summary>
internal sealed class CareEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/care").WithTags("Find care").WithProblems().RequireAuthorization();
        group.MapGet("/hospital", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetHospitalInfo(), ct)))
            .WithSummary("The hospital's time zone (all times are shown in it), currency and booking rules.");
        group.MapGet("/departments", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListDepartments(), ct)))
            .WithSummary("Departments by facility.");
        group.MapGet("/doctors", async (ISender sender, CancellationToken ct, Guid? departmentId = null, string? name = null, DateOnly? date = null, VisitType? visitType = null, string? language = null) =>
                TypedResults.Ok(await sender.Send(new FindDoctors(departmentId, name, date, visitType, language), ct)))
            .WithSummary("Doctors by department, name, day, visit type and language; earliest free time first.");
        group.MapGet("/doctors/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetDoctorPage(id), ct)))
            .WithSummary("A doctor's page with the next free times.");
        group.MapGet("/doctors/{id:guid}/slots", async (Guid id, ISender sender, CancellationToken ct, DateOnly? from = null, int days = 7, VisitType? visitType = null) =>
                TypedResults.Ok(await sender.Send(new ListFreeSlots(id, from, days, visitType), ct)))
            .WithSummary("A doctor's free times over some days.");
        group.MapGet("/doctors/{id:guid}/photo", async (Guid id, ISender sender, HttpContext context, CancellationToken ct) =>
                FileTransfer.Send(await sender.Send(new GetDoctorPhoto(id), ct), context))
            .WithSummary("A doctor's portrait.");
    }
}
