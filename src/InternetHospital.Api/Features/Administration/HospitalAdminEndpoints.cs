using InternetHospital.Api.Common;
using InternetHospital.Api.Features.Scheduling;
using InternetHospital.Application.Administration;
using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Scheduling;
using Mediator;

namespace InternetHospital.Api.Features.Administration;

/// <summary>Admin: departments (and the conditions they follow up online), doctors, timetables and doctors' calendars.</summary>
internal sealed class HospitalAdminEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Administration").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity).RequireAuthorization(Policies.SystemAdmin);

        admin.MapGet("/facilities", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListFacilities(), ct)))
            .WithSummary("Facilities of the consortium.");
        admin.MapGet("/departments", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListDepartmentsForAdmin(), ct)))
            .WithSummary("Departments with their follow-up conditions.");
        admin.MapPost("/departments", async (CreateDepartment body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(body, ct);
                return TypedResults.Created($"/api/admin/departments/{created.Id}", created);
            })
            .WithSummary("Add a department.");
        admin.MapPut("/departments/{id:guid}/conditions", async (Guid id, ConditionsRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetDepartmentConditions(id, body.Conditions), ct)))
            .WithSummary("Set the ICD-10 categories or ranges a department follows up online.");

        admin.MapGet("/doctors", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListDoctorsForAdmin(), ct)))
            .WithSummary("All doctors.");
        admin.MapPost("/doctors", async (CreateDoctor body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(body, ct);
                return TypedResults.Created($"/api/admin/doctors/{created.Id}", created);
            })
            .WithSummary("Add a doctor (account and profile).");
        admin.MapGet("/doctors/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetDoctorForAdmin(id), ct)))
            .WithSummary("One doctor's profile.");
        admin.MapPut("/doctors/{id:guid}", async (Guid id, DoctorProfileInput body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateDoctor(id, body), ct)))
            .WithSummary("Update a doctor's profile, fees, licence and video visits.");
        admin.MapPost("/doctors/{id:guid}/photo", async (Guid id, IFormFile file, ISender sender, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return TypedResults.Ok(await sender.Send(new SetDoctorPhoto(id, file.FileName, content, file.Length), ct));
            })
            .AcceptsFileUpload()
            .WithSummary("Upload a doctor's portrait.");
        admin.MapGet("/doctors/{id:guid}/schedule", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetScheduleTemplate(id), ct)))
            .WithSummary("A doctor's weekly timetable.");
        admin.MapPut("/doctors/{id:guid}/schedule", async (Guid id, ScheduleRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetScheduleTemplate(id, body.Sessions), ct)))
            .WithSummary("Replace a doctor's weekly timetable and regenerate the coming weeks' free slots.");

        var doctor = admin.MapGroup("/doctors/{id:guid}");
        DoctorScheduleEndpoints.MapSchedule(doctor, id => id);
    }

    internal sealed record ConditionsRequest(IReadOnlyList<string> Conditions);

    internal sealed record ScheduleRequest(IReadOnlyList<SessionSpec> Sessions);
}
