using System.Globalization;
using System.Text.Json;
using FluentValidation;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Api.Common;

/// <summary>
/// The one place where exceptions become RFC 9457 problem documents. Validation → 400 with field errors;
/// not found or not yours → 404; not allowed → 403; state conflict → 409; rule violation → 422.
/// Anything else is a bug: a 500 without internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // Note: the language chosen for the request does not flow back out to this middleware; set it again so
        // messages written here (malformed JSON) are in the caller's language too.
        if (httpContext.Features.Get<IRequestCultureFeature>() is { } language)
        {
            CultureInfo.CurrentUICulture = language.RequestCulture.UICulture;
        }

        var problem = ToProblem(exception, httpContext);
        if (problem is null)
        {
            if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
            {
                // The client went away; there is nobody to answer.
                httpContext.Response.StatusCode = 499;
                return true;
            }

            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails? ToProblem(Exception exception, HttpContext context) => exception switch
    {
        ValidationException validation => Validation(
            ValidationErrors.FromFailures(validation.Errors), ValidationErrors.CodesFromFailures(validation.Errors), "The request has invalid fields."),
        BadHttpRequestException { InnerException: JsonException json } => Validation(
            ValidationErrors.FromJsonException(json), ValidationErrors.CodesFromJsonException(json), "The request body is not valid JSON for this endpoint."),
        BadHttpRequestException bad => Problem(bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request is not valid.", ProblemCodes.ForStatus(bad.StatusCode), null),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, $"{notFound.Resource} was not found.", ProblemCodes.NotFound, null),
        ForbiddenAccessException forbidden => Problem(StatusCodes.Status403Forbidden, "You are not allowed to do this.", forbidden.Code, forbidden.Message),
        Domain.Emergency.SyncOrderException order => WithExtension(Problem(StatusCodes.Status409Conflict, "The crew write is out of order.", order.Code, order.Message), "expectedSequence", order.ExpectedSequence),
        Application.Emergency.VitalsOutOfRangeException vitals => FieldRule(vitals),
        DomainConflictException conflict => Problem(StatusCodes.Status409Conflict, "The request conflicts with the current state.", conflict.Code, conflict.Message),
        DomainRuleException rule => Problem(StatusCodes.Status422UnprocessableEntity, "The request breaks a rule.", rule.Code, rule.Message),
        DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "Someone else changed this at the same time.", "concurrency_conflict", "Reload and try again."),
        Application.His.HisUnavailableException => Problem(StatusCodes.Status503ServiceUnavailable, "The hospital system cannot be reached right now.", "his_unavailable", "Try again in a few minutes."),
        Application.Imaging.ImagingArchiveUnavailableException => Problem(StatusCodes.Status503ServiceUnavailable, "The imaging archive cannot be reached right now.", "imaging_unavailable", "Try again in a few minutes."),
        Application.VideoVisits.Media.MediaServerUnavailableException => Problem(StatusCodes.Status503ServiceUnavailable, "The video media server cannot be reached right now.", "media_unavailable", "Try again in a few minutes."),
        Application.Payments.PaymentProviderUnavailableException => Problem(StatusCodes.Status503ServiceUnavailable, "The payment provider cannot be reached right now.", "payment_provider_unavailable", "Nothing was charged. Try again in a few minutes."),
        Application.Imaging.ImagingArchiveRejectedException rejected => Problem(StatusCodes.Status422UnprocessableEntity, "The imaging archive refused the file.", "dicom_rejected", rejected.Message),
        Application.VideoVisits.Recording.RangeNotSatisfiableException range => RangeProblem(range, context),
        UniqueConstraintException => Problem(StatusCodes.Status409Conflict, "The request conflicts with the current state.", ProblemCodes.Conflict, "A record with the same unique value already exists."),
        _ => null,
    };

    private static HttpValidationProblemDetails Validation(Dictionary<string, string[]> errors, Dictionary<string, string[]> fieldCodes, string title)
    {
        var problem = new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = title };
        problem.Extensions[ProblemExtensions.Code] = ProblemCodes.ValidationFailed;
        problem.Extensions[ProblemExtensions.FieldCodes] = fieldCodes;
        return problem;
    }

    private static ProblemDetails WithExtension(ProblemDetails problem, string name, object value)
    {
        problem.Extensions[name] = value;
        return problem;
    }

    /// <summary>A rule broken per field (vital signs outside physiological limits): a 422 with the same field errors a 400 carries.</summary>
    private static HttpValidationProblemDetails FieldRule(Application.Emergency.VitalsOutOfRangeException exception)
    {
        var problem = new HttpValidationProblemDetails(ValidationErrors.FromFailures(exception.Failures))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Some values are outside physiological limits.",
        };
        problem.Extensions[ProblemExtensions.Code] = "emergency_vitals_out_of_range";
        problem.Extensions[ProblemExtensions.FieldCodes] = ValidationErrors.CodesFromFailures(exception.Failures);
        return problem;
    }

    /// <summary>A player asked for bytes past the end of a recording: 416 with the length it has (RFC 9110 §15.5.17).</summary>
    private static ProblemDetails RangeProblem(Application.VideoVisits.Recording.RangeNotSatisfiableException range, HttpContext context)
    {
        context.Response.Headers.ContentRange = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"bytes */{range.Total}");
        return Problem(StatusCodes.Status416RangeNotSatisfiable, "The requested range is outside the recording.", "range_not_satisfiable", null);
    }

    private static ProblemDetails Problem(int status, string title, string code, string? detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions[ProblemExtensions.Code] = code;
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
