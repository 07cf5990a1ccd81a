using InternetHospital.Application.His;
using InternetHospital.Application.Notifications;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>
/// A patient records a home reading. Implausible values are refused with field errors; values outside the targets are
/// flagged; a dangerous value tells the patient to seek emergency care now and, when a contract is in force, raises an
/// alert on the team's panel at once (live) and tells the team by notification.
/// </summary>
public sealed record RecordHomeMeasurement(
    Guid PatientId,
    MeasurementKind Kind,
    int? Systolic = null,
    int? Diastolic = null,
    int? HeartRate = null,
    decimal? Glucose = null,
    GlucoseTiming? GlucoseTiming = null,
    decimal? WeightKg = null,
    DateTimeOffset? MeasuredAt = null,
    string? Note = null) : ICommand<RecordedMeasurement>
{
    /// <summary>How far back a reading may be entered after the fact.</summary>
    public static readonly TimeSpan Backdating = TimeSpan.FromDays(30);

    public MeasurementValues Values => new(Kind, Systolic, Diastolic, HeartRate, Glucose, GlucoseTiming, WeightKg);

    public sealed class Validator : AbstractValidator<RecordHomeMeasurement>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.Kind).IsInEnum();
            RuleFor(x => x).Custom((command, context) =>
            {
                if (!Enum.IsDefined(command.Kind))
                {
                    return;
                }

                foreach (var problem in MeasurementRules.Problems(command.Values))
                {
                    context.AddFailure(ValidationMessages.Failure(problem.Field, problem.Code, problem.Args));
                }
            });
            RuleFor(x => x.MeasuredAt)
                .Must(at => at <= clock.GetUtcNow().AddMinutes(5))
                .When(x => x.MeasuredAt is not null)
                .WithLocalizedMessage("reading_in_future");
            RuleFor(x => x.MeasuredAt)
                .Must(at => at >= clock.GetUtcNow() - Backdating)
                .When(x => x.MeasuredAt is not null)
                .WithLocalizedMessage("reading_too_old", Backdating.TotalDays.ToString("0", System.Globalization.CultureInfo.InvariantCulture));
            RuleFor(x => x.Note).MaximumLength(HomeMeasurement.MaxNoteLength);
        }
    }

    public sealed class Handler(
        IAppDbContext db,
        IPatientAccessGuard guard,
        IFamilyAccess access,
        ICurrentUser currentUser,
        ILiveUpdates live,
        IAfterCommit afterCommit,
        INotifier notifier,
        IAuditLog audit,
        IHisOutbox his,
        TimeProvider clock) : ICommandHandler<RecordHomeMeasurement, RecordedMeasurement>
    {
        public async ValueTask<RecordedMeasurement> Handle(RecordHomeMeasurement command, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(command.PatientId, PatientScope.Results, cancellationToken);
            var now = clock.GetUtcNow();
            var measurement = HomeMeasurement.Record(command.PatientId, currentUser.RequireAccountId(), command.Values, command.MeasuredAt ?? now, command.Note, now);
            db.HomeMeasurements.Add(measurement);
            audit.Record("family.measurement.recorded", nameof(HomeMeasurement), measurement.Id.ToString(), command.PatientId, measurement.Flag.ToString());

            // Note: the HIS keeps the patient's record, home readings included (FHIR Observation / HL7 ORU^R01).
            his.Enqueue(command.PatientId, new HomeMeasurementRecordedMessage(
                measurement.Id,
                command.PatientId,
                measurement.Kind.ToString(),
                measurement.Systolic,
                measurement.Diastolic,
                measurement.HeartRate,
                measurement.Glucose,
                measurement.GlucoseTiming?.ToString(),
                measurement.WeightKg,
                measurement.MeasuredAt,
                measurement.Flag.ToString()));

            var alerted = false;
            if (measurement.IsDangerous && await access.ActiveContractAsync(command.PatientId, cancellationToken) is { } contract)
            {
                var alert = MeasurementAlert.Raise(measurement, contract, now);
                db.MeasurementAlerts.Add(alert);
                var team = await access.TeamAccountsAsync(contract.TeamId, cancellationToken);
                afterCommit.PushAfterCommit(live, team, FamilyLiveEvents.Alert, new FamilyAlertEvent(alert.Id, alert.PatientId, measurement.FindingCodes, alert.RaisedAt));
                await notifier.NotifyAllAsync(team, FamilyNotifications.ReadingAlert, $"/panel/patients/{command.PatientId}", cancellationToken);
                alerted = true;
            }

            var advice = measurement.Flag switch
            {
                MeasurementFlag.Dangerous => MeasurementAdvice.SeekEmergencyCare,
                MeasurementFlag.OutOfTarget => MeasurementAdvice.RecheckAndTellTeam,
                _ => MeasurementAdvice.None,
            };
            return new RecordedMeasurement(MeasurementView.From(measurement), advice, alerted);
        }
    }
}

public enum MeasurementAdvice
{
    None = 1,

    /// <summary>Out of target: rest, measure again, and mention it to the family doctor.</summary>
    RecheckAndTellTeam = 2,

    /// <summary>Dangerous: seek emergency care now (call 120), without waiting for the doctor.</summary>
    SeekEmergencyCare = 3,
}

/// <param name="TeamAlerted">Whether the family-doctor team was alerted (only with a contract in force).</param>
public sealed record RecordedMeasurement(MeasurementView Measurement, MeasurementAdvice Advice, bool TeamAlerted);
