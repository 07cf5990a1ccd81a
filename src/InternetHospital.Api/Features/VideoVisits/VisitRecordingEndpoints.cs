using System.Globalization;
using InternetHospital.Api.Common;
using InternetHospital.Application.VideoVisits.Recording;
using Mediator;
using Microsoft.Net.Http.Headers;

namespace InternetHospital.Api.Features.VideoVisits;

/// <summary>
/// Recording of video visits (issue 20, domain rule 30): each participant's consent, the visit's recordings and their
/// playback. Who may play is decided by the application (treating doctor, medical records, the patient on request);
/// every list and every byte range is audit-logged.
/// </summary>
internal sealed class VisitRecordingEndpoints : IEndpointGroup
{
    /// <summary>The bytes sent per read: one encrypted chunk of the vault at a time.</summary>
    private const long SendChunk = Domain.VideoVisits.VisitRecording.ChunkSize;

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/video-visits").WithTags("Video visits").WithProblems(StatusCodes.Status409Conflict);

        // Note: a guest (an interpreter, a relative) is in the call too, so they are asked and answer like everyone else.
        group.MapGet("/{id:guid}/recording", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetRecordingStatus(id), ct)))
            .RequireAuthorization(GuestAuthentication.Policy)
            .WithSummary("Whether the call is being recorded (the indicator), why not, and whether you have answered the consent question.");
        group.MapPost("/{id:guid}/recording-consent", async (Guid id, RecordingConsentRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AnswerRecordingConsent(id, body.Consent), ct)))
            .RequireAuthorization(GuestAuthentication.Policy)
            .WithSummary("Answer \"May this visit be recorded?\" for yourself; recording runs only while everyone in the call has said yes.");

        group.MapGet("/{id:guid}/recordings", async (Guid id, HttpContext context, ISender sender, CancellationToken ct) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(await sender.Send(new ListVisitRecordings(id), ct));
            })
            .RequireAuthorization()
            .WithSummary("The visit's recordings and whether (and why not) it was recorded: treating doctor, medical records, and the patient.");

        group.MapGet("/{id:guid}/recordings/{recordingId:guid}", async (Guid id, Guid recordingId, HttpContext context, ISender sender, CancellationToken ct) =>
            {
                var (from, to) = ParseRange(context.Request.Headers.Range.ToString());
                var range = await sender.Send(new PlayVisitRecording(id, recordingId, from, to), ct);
                await SendAsync(range, context, ct);
            })
            .RequireAuthorization()
            .WithSummary("Play a recording (HTTP Range supported); every request is audit-logged.");
    }

    /// <summary>One <c>bytes=</c> range (players ask for one); anything else is answered with the whole file.</summary>
    internal static (long? From, long? To) ParseRange(string header)
    {
        if (!header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(',', StringComparison.Ordinal))
        {
            return (null, null);
        }

        var spec = header["bytes=".Length..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return (null, null);
        }

        var fromText = spec[..dash].Trim();
        var toText = spec[(dash + 1)..].Trim();
        long? from = long.TryParse(fromText, NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : null;
        long? to = long.TryParse(toText, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;
        if ((fromText.Length > 0 && from is null) || (toText.Length > 0 && to is null) || (from is null && to is null))
        {
            return (null, null);
        }

        return (from, to);
    }

    private static async Task SendAsync(RecordingRange range, HttpContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers.AcceptRanges = "bytes";
        response.ContentType = range.ContentType;
        response.ContentLength = range.To - range.From + 1;
        if (range.Partial)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers[HeaderNames.ContentRange] = string.Create(CultureInfo.InvariantCulture, $"bytes {range.From}-{range.To}/{range.Total}");
        }

        for (var at = range.From; at <= range.To; at = ((at / SendChunk) + 1) * SendChunk)
        {
            // Note: aligned to the vault's chunks, so each read decrypts exactly one.
            var end = Math.Min(range.To, ((at / SendChunk) + 1) * SendChunk - 1);
            var bytes = await range.Read(at, end, cancellationToken);
            await response.Body.WriteAsync(bytes, cancellationToken);
        }
    }
}

internal sealed record RecordingConsentRequest(bool? Consent);
