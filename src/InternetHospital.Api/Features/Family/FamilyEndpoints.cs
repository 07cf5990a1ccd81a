using InternetHospital.Api.Common;
using InternetHospital.Application.Family;
using InternetHospital.Domain.Patients;
using Mediator;

namespace InternetHospital.Api.Features.Family;

/// <summary>Family members (就诊人), invitations with consent, who acts for me, and the administrators' view (issue 15).</summary>
internal sealed class FamilyEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var family = app.MapGroup("/api/family").WithTags("Family")
            .WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Patient);
        family.MapGet("/members", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListFamilyMembers(), ct)))
            .WithSummary("The people this account acts for, and those it asked who have not answered yet.");
        family.MapPost("/members", async (AddMemberRequest body, ISender sender, CancellationToken ct) =>
            {
                var added = await sender.Send(
                    new AddFamilyMember(body.Relation ?? string.Empty, body.IdType ?? string.Empty, body.IdNumber ?? string.Empty, body.FullName ?? string.Empty, body.DateOfBirth, body.Sex, body.Email, body.Phone, body.Scopes, body.AccessEndsOn),
                    ct);
                return TypedResults.Created("/api/family/members", added);
            })
            .RequireRateLimiting(RateLimitPolicies.Registration)
            .WithSummary("Add a family member under their real identity: a child at once, an adult (or a record with its own account) after their consent.");
        family.MapDelete("/members/{patientId:guid}", async (Guid patientId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RemoveFamilyMember(patientId), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Stop acting for a family member (or withdraw an unanswered request).");

        family.MapGet("/invitations/{token}", async (string token, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetFamilyInvitation(token), ct)))
            .WithSummary("The request behind an invitation link, for the person asked (signed in with their own record).");
        family.MapPost("/invitations/{token}/accept", async (string token, AcceptRequest? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AcceptFamilyInvitation(token, body?.Scopes, body?.AccessEndsOn), ct)))
            .WithSummary("Consent: the family member may act for you within the scopes and until the date you choose.");
        family.MapPost("/invitations/{token}/decline", async (string token, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeclineFamilyInvitation(token), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Decline a family member's request.");

        family.MapGet("/proxies", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListMyProxies(), ct)))
            .WithSummary("Who acts for me, with what they may do and until when.");
        family.MapDelete("/proxies/{accessId:guid}", async (Guid accessId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RevokeProxy(accessId), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Revoke a proxy's access to my record (an adult, at any time).");
        family.MapPost("/proxies/{accessId:guid}/share", async (Guid accessId, ShareRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ShareWithGuardian(accessId, body.Messages, body.Results), ct)))
            .WithSummary("A 14-17-year-old chooses whether their guardian reads their messages and sensitive results.");
        family.MapGet("/proxies/former", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListFormerGuardians(), ct)))
            .WithSummary("The guardians whose access ended when I turned 18, whom I may invite back as proxies.");
        family.MapPost("/proxies/{accessId:guid}/invite-back", async (Guid accessId, InviteBackRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new InviteFormerGuardian(accessId, body.Scopes ?? [], body.AccessEndsOn), ct)))
            .WithSummary("A young adult lets their former guardian act for them again, as a proxy with chosen scopes.");
        family.MapGet("/proxies/activity", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListProxyActivity(), ct)))
            .WithSummary("What guardians and proxies did on my record (from the audit log).");

        var admin = app.MapGroup("/api/admin").WithTags("Family")
            .WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.SystemAdmin);
        admin.MapGet("/patient-access", async (Guid patientId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListPatientAccess(patientId), ct)))
            .WithSummary("Every account that acts or acted for a patient, with who granted and ended it and why.");
        admin.MapPost("/patient-access/{accessId:guid}/end", async (Guid accessId, EndRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new EndPatientAccess(accessId, body.Reason ?? string.Empty), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("End a guardian's or proxy's access (e.g. a court order); the reason is recorded.");
        admin.MapGet("/family/consents", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListPendingFamilyConsents(), ct)))
            .WithSummary("Requests to act for a person that wait for their consent, with the scanned paper form once attached.");
        admin.MapPost("/family/consents/{invitationId:guid}/scan", async (Guid invitationId, IFormFile file, ISender sender, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return TypedResults.Ok(await sender.Send(new AttachFamilyConsentScan(invitationId, file.FileName, content, file.Length), ct));
            })
            .AcceptsFileUpload()
            .WithSummary("Attach the scan (image or PDF) of the consent form the person signed; a new scan replaces the last.");
        admin.MapGet("/family/consents/{invitationId:guid}/scan", async (Guid invitationId, ISender sender, HttpContext context, CancellationToken ct) =>
                FileTransfer.Send(await sender.Send(new GetFamilyConsentScan(invitationId), ct), context))
            .WithSummary("The scanned consent form of a request, to check before approving.");
        admin.MapPost("/family/consents/{invitationId:guid}/reject", async (Guid invitationId, EndRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RejectFamilyConsent(invitationId, body.Reason ?? string.Empty), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("The paper consent does not hold: the request is declined with a reason (audit-logged).");
        admin.MapPost("/family/consents", async (ConsentRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(new { accessId = await sender.Send(new ApproveFamilyConsent(body.InvitationId, body.ScannedFileId), ct) }))
            .WithSummary("Approve a scanned, signed paper consent for a person without phone or e-mail.");
    }

    internal sealed record AddMemberRequest(
        string? Relation,
        string? IdType,
        string? IdNumber,
        string? FullName,
        DateOnly DateOfBirth,
        Sex Sex,
        string? Email,
        string? Phone,
        IReadOnlyList<string>? Scopes,
        DateOnly? AccessEndsOn);

    internal sealed record AcceptRequest(IReadOnlyList<string>? Scopes, DateOnly? AccessEndsOn);

    internal sealed record ShareRequest(bool Messages, bool Results);

    internal sealed record InviteBackRequest(IReadOnlyList<string>? Scopes, DateOnly? AccessEndsOn);

    internal sealed record EndRequest(string? Reason);

    internal sealed record ConsentRequest(Guid InvitationId, Guid ScannedFileId);
}
