using InternetHospital.Api.Common;
using InternetHospital.Application.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Mediator;

namespace InternetHospital.Api.Features.LabResults;

/// <summary>Lab results (报告查询): the patient's reports and trends (keyed by patient id), the ordering doctor's release.</summary>
internal sealed class ResultEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var patient = app.MapGroup("/api/patients/{patientId:guid}/results").WithTags("Results").WithProblems(StatusCodes.Status503ServiceUnavailable).RequireAuthorization(Policies.Patient);
        patient.MapGet("/", async (Guid patientId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListMyResults(patientId), ct)))
            .WithSummary("My lab reports, newest first (sensitive ones once released).");
        patient.MapGet("/trend", async (Guid patientId, string? code, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetMyResultTrend(patientId, code ?? string.Empty), ct)))
            .WithSummary("One value over time (by LOINC code, or the HIS's code), oldest first.");
        patient.MapGet("/{reportId:guid}", async (Guid patientId, Guid reportId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetMyResult(patientId, reportId), ct)))
            .WithSummary("One report: values, units, reference ranges, flags and plain-language notes.");

        // Note: a download, not a page: the browser saves it under this name. Rate limited per account, since each one
        // reads the HIS and builds the whole record.
        app.MapGet("/api/patients/{patientId:guid}/record.fhir.json", async (Guid patientId, ISender sender, CancellationToken ct) =>
                Download(await sender.Send(new ExportMyRecord(patientId), ct)))
            .WithTags("Results")
            .WithProblems(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Policies.Patient)
            .RequireAccountRateLimit(RateLimitPolicies.RecordExport)
            .WithSummary("My record as a FHIR R4 Bundle: patient, diagnoses, medications, allergies, encounters with signed notes, lab reports and values.");

        // Note: the PDF shares the FHIR download's rate limit (one budget for "my record", whichever form).
        app.MapGet("/api/patients/{patientId:guid}/record.pdf", async (Guid patientId, ISender sender, CancellationToken ct) =>
                Download(await sender.Send(new ExportMyRecord(patientId, RecordFormat.Pdf), ct)))
            .WithTags("Results")
            .WithProblems(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Policies.Patient)
            .RequireAccountRateLimit(RateLimitPolicies.RecordExport)
            .WithSummary("My record as a PDF to read and print, in the language of the request (Accept-Language: zh-CN or en).");

        var doctor = app.MapGroup("/api/doctor/results").WithTags("Results").WithProblems(StatusCodes.Status409Conflict).RequireAuthorization(Policies.Doctor);
        doctor.MapGet("/to-release", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListResultsToRelease(), ct)))
            .WithSummary("Sensitive reports you ordered that the patient cannot see yet.");
        doctor.MapPost("/{reportId:guid}/release", async (Guid reportId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReleaseResult(reportId), ct)))
            .WithSummary("Release a sensitive report you ordered to the patient now.");
    }

    private static FileContentHttpResult Download(RecordFile file) => TypedResults.File(file.Content, file.ContentType, file.FileName);
}
