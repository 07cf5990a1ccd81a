using InternetHospital.Api.Common;
using InternetHospital.Application.FamilyDoctors;
using InternetHospital.Domain.FamilyDoctors;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace InternetHospital.Api.Features.FamilyDoctors;

/// <summary>
/// Family-doctor contracts, the doctor's panel, follow-up plans, home readings and messaging. Patients reach their own
/// data under <c>/patients/{patientId}</c> (authorised through their access to that patient); doctors reach signed
/// patients under <c>/panel</c> (authorised by their team's contract in force). Conversations serve both sides.
/// </summary>
internal sealed class FamilyDoctorEndpoints : IEndpointGroup
{
    private static readonly AuthorizeAttribute PatientOrDoctor = new() { Roles = $"{Policies.Patient},{Policies.Doctor}" };

    public void Map(IEndpointRouteBuilder app)
    {
        var family = app.MapGroup("/api/family").WithTags("Family doctors").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        family.MapGet("/teams", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListFamilyTeams(), ct)))
            .RequireAuthorization()
            .WithSummary("The family-doctor teams and the service packages on offer.");

        MapPatient(family.MapGroup("/patients/{patientId:guid}").RequireAuthorization(Policies.Patient));
        MapContracts(family.MapGroup("/contracts/{contractId:guid}"));
        MapPanel(family.MapGroup("/").RequireAuthorization(Policies.Doctor));
        MapThreads(family.MapGroup("/threads/{threadId:guid}").RequireAuthorization(PatientOrDoctor));
    }

    private static void MapPatient(RouteGroupBuilder patient)
    {
        patient.MapGet("/contracts", async (Guid patientId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetMyFamilyContracts(patientId), ct)))
            .WithSummary("Your family-doctor contract (pending or in force) and your past ones.");
        patient.MapPost("/contracts", async (Guid patientId, ApplyRequest body, ISender sender, CancellationToken ct) =>
            {
                var contract = await sender.Send(new ApplyForFamilyContract(patientId, body.TeamId, body.PackageId, body.Note), ct);
                return TypedResults.Created($"/api/family/patients/{patientId}/contracts", contract);
            })
            .WithSummary("Apply to sign with a family-doctor team for a service package.");

        patient.MapGet("/measurements", async (Guid patientId, ISender sender, CancellationToken ct, int days = 90) =>
                TypedResults.Ok(await sender.Send(new ListHomeMeasurements(patientId, days), ct)))
            .WithSummary("Your home readings of the last days, with the target ranges.");
        patient.MapPost("/measurements", async (Guid patientId, MeasurementRequest body, ISender sender, CancellationToken ct) =>
            {
                var recorded = await sender.Send(
                    new RecordHomeMeasurement(patientId, body.Kind, body.Systolic, body.Diastolic, body.HeartRate, body.Glucose, body.GlucoseTiming, body.WeightKg, body.MeasuredAt, body.Note),
                    ct);
                return TypedResults.Created($"/api/family/patients/{patientId}/measurements", recorded);
            })
            .WithSummary("Record a home reading. A dangerous value answers with emergency advice and alerts your family-doctor team.");

        patient.MapGet("/threads", async (Guid patientId, ISender sender, CancellationToken ct, int take = 50) =>
                TypedResults.Ok(await sender.Send(new ListFamilyThreads(patientId, take), ct)))
            .WithSummary("Your conversations with your family-doctor team, newest first.");
        patient.MapPost("/threads", async (Guid patientId, ThreadRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Created($"/api/family/patients/{patientId}/threads", await sender.Send(new StartFamilyThread(patientId, body.Subject, body.Body, AsTeam: false), ct)))
            .RequireAccountRateLimit(RateLimitPolicies.Messaging)
            .WithSummary("Start a conversation with your family-doctor team (only with a contract in force).");
    }

    private static void MapContracts(RouteGroupBuilder contract)
    {
        contract.MapPost("/withdraw", async (Guid contractId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new WithdrawFamilyApplication(contractId), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Patient)
            .WithSummary("Withdraw your application before the team decides.");
        contract.MapPost("/renewal-request", async (Guid contractId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RequestFamilyContractRenewal(contractId), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Patient)
            .WithSummary("Ask your team to renew your contract (from 30 days before it ends).");
        contract.MapPost("/end", async (Guid contractId, ReasonRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new EndFamilyContract(contractId, body.Reason), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(PatientOrDoctor)
            .WithSummary("End a contract early, with a reason (the patient or a member of the team).");

        contract.MapPost("/accept", async (Guid contractId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AcceptFamilyApplication(contractId), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Accept an application to your team: the contract runs one year from now.");
        contract.MapPost("/decline", async (Guid contractId, ReasonRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DeclineFamilyApplication(contractId, body.Reason), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Decline an application to your team, with a reason.");
        contract.MapPost("/renewal/accept", async (Guid contractId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new AcceptFamilyContractRenewal(contractId), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Renew a contract the patient asked to renew: another year from its end.");
        contract.MapPost("/renewal/decline", async (Guid contractId, ReasonRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeclineFamilyContractRenewal(contractId, body.Reason), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Decline a renewal request, with a reason.");
    }

    private static void MapPanel(RouteGroupBuilder doctor)
    {
        doctor.MapGet("/panel", async ([AsParameters] PanelQuery q, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetFamilyPanel(q.Search, q.Condition, q.Risk, q.Overdue ?? false, q.Abnormal ?? false, q.Renewals ?? false, q.Unread ?? false, q.Alerts ?? false, q.Sort, q.Descending ?? false, q.Page ?? 1, q.PageSize ?? 20), ct)))
            .WithSummary("Your signed patients: search, filter (condition, risk, overdue follow-up, abnormal readings, pending renewals, unread messages, alerts), sort and page.");
        doctor.MapGet("/panel/overview", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetFamilyPanelOverview(), ct)))
            .WithSummary("How many patients you have signed and how many need attention.");
        doctor.MapGet("/panel/patients/{patientId:guid}", async (Guid patientId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetFamilyPatientSummary(patientId), ct)))
            .WithSummary("A signed patient's summary: demographics, HIS conditions, allergies, medications and visits, readings, follow-up, contract.");
        doctor.MapPut("/panel/patients/{patientId:guid}/assessment", async (Guid patientId, AssessmentRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new AssessFamilyPatient(patientId, body.Risk, body.Conditions ?? []), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Set a signed patient's risk level and chronic conditions.");
        doctor.MapPost("/panel/patients/{patientId:guid}/follow-up-plans", async (Guid patientId, PlanRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Created($"/api/family/panel/patients/{patientId}", await sender.Send(new StartFollowUpPlan(patientId, body.TemplateCode, body.FirstDueOn), ct)))
            .WithSummary("Start a follow-up plan from a template.");
        doctor.MapPost("/panel/patients/{patientId:guid}/threads", async (Guid patientId, ThreadRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Created($"/api/family/panel/patients/{patientId}", await sender.Send(new StartFamilyThread(patientId, body.Subject, body.Body, AsTeam: true), ct)))
            .RequireAccountRateLimit(RateLimitPolicies.Messaging)
            .WithSummary("Start a conversation with a signed patient.");

        doctor.MapGet("/applications", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListFamilyApplications(), ct)))
            .WithSummary("Applications and renewal requests waiting for your teams.");
        doctor.MapGet("/alerts", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListFamilyAlerts(), ct)))
            .WithSummary("Open alerts from dangerous home readings of your teams' patients.");
        doctor.MapPost("/alerts/{alertId:guid}/acknowledge", async (Guid alertId, NoteRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new AcknowledgeFamilyAlert(alertId, body.Note), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Acknowledge an alert, noting what was done.");
        doctor.MapGet("/team-threads", async (ISender sender, CancellationToken ct, Guid? patientId = null, bool unreadOnly = false, int take = 50) =>
                TypedResults.Ok(await sender.Send(new ListTeamThreads(patientId, unreadOnly, take), ct)))
            .WithSummary("Your teams' conversations with patients, newest first.");

        doctor.MapGet("/follow-up-templates", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListFollowUpTemplates(), ct)))
            .WithSummary("The follow-up plan templates.");
        doctor.MapPost("/follow-up-plans/{planId:guid}/stop", async (Guid planId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new StopFollowUpPlan(planId), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Stop a follow-up plan.");
        doctor.MapPost("/follow-up-tasks/{taskId:guid}/complete", async (Guid taskId, NoteRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CompleteFollowUpTask(taskId, body.Note ?? string.Empty), ct)))
            .WithSummary("Complete a follow-up task with a short note; the next one is scheduled.");
    }

    private static void MapThreads(RouteGroupBuilder thread)
    {
        thread.MapGet("/", async (Guid threadId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetFamilyThread(threadId), ct)))
            .WithSummary("A conversation with its messages.");
        thread.MapPost("/messages", async (Guid threadId, MessageRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Created($"/api/family/threads/{threadId}", await sender.Send(new SendFamilyMessage(threadId, body.Body, body.AttachmentIds), ct)))
            .RequireAccountRateLimit(RateLimitPolicies.Messaging)
            .WithSummary("Reply in a conversation (only while the contract is in force).");
        thread.MapPost("/read", async (Guid threadId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(new ReadResult(await sender.Send(new MarkFamilyThreadRead(threadId), ct))))
            .WithSummary("Mark the other side's messages read (they see the read receipt).");
        thread.MapPost("/attachments", async (Guid threadId, IFormFile file, ISender sender, CancellationToken ct) =>
                TypedResults.Created($"/api/family/threads/{threadId}", await sender.Send(new UploadFamilyAttachment(threadId, file.FileName, file.OpenReadStream(), file.Length), ct)))
            .AcceptsFileUpload()
            .RequireAccountRateLimit(RateLimitPolicies.Messaging)
            .WithSummary("Upload a photo or PDF to attach to your next message.");
        thread.MapGet("/attachments/{fileId:guid}", async (Guid threadId, Guid fileId, ISender sender, HttpContext context, CancellationToken ct) =>
                FileTransfer.Send(await sender.Send(new GetFamilyAttachment(threadId, fileId), ct), context))
            .WithSummary("An attachment of a conversation.");
    }

    internal sealed record ApplyRequest(Guid TeamId, Guid PackageId, string? Note);

    internal sealed record ReasonRequest(string Reason);

    internal sealed record NoteRequest(string? Note);

    internal sealed record MeasurementRequest(
        MeasurementKind Kind,
        int? Systolic,
        int? Diastolic,
        int? HeartRate,
        decimal? Glucose,
        GlucoseTiming? GlucoseTiming,
        decimal? WeightKg,
        DateTimeOffset? MeasuredAt,
        string? Note);

    internal sealed record ThreadRequest(string Subject, string Body);

    internal sealed record MessageRequest(string? Body, IReadOnlyList<Guid>? AttachmentIds);

    internal sealed record AssessmentRequest(RiskLevel Risk, IReadOnlyList<string>? Conditions);

    internal sealed record PlanRequest(string TemplateCode, DateOnly? FirstDueOn);

    internal sealed record ReadResult(int Marked);

    internal sealed record PanelQuery(
        string? Search,
        string? Condition,
        string? Risk,
        bool? Overdue,
        bool? Abnormal,
        bool? Renewals,
        bool? Unread,
        bool? Alerts,
        string? Sort,
        bool? Descending,
        int? Page,
        int? PageSize);
}
