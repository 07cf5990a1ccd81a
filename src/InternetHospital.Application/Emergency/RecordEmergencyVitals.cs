using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>
/// One set of vital signs with the time it was measured. A value outside physiological limits is refused per field
/// with the limits (422 <c>emergency_vitals_out_of_range</c>), and nothing of the set is stored.
/// </summary>
public sealed record RecordEmergencyVitals(
    Guid CaseId,
    DateTimeOffset? MeasuredAt,
    int? HeartRate,
    int? Systolic,
    int? Diastolic,
    int? SpO2,
    int? RespiratoryRate,
    decimal? Temperature,
    decimal? Glucose,
    int? Gcs,
    SyncStamp Stamp) : ICommand<CrewReceipt>
{
    public VitalSigns Signs => new(HeartRate, Systolic, Diastolic, SpO2, RespiratoryRate, Temperature, Glucose, Gcs);

    public sealed class Validator : AbstractValidator<RecordEmergencyVitals>
    {
        public Validator()
        {
            RuleFor(x => x.MeasuredAt).NotNull();
            RuleFor(x => x.HeartRate).Must((x, _) => !x.Signs.IsEmpty).WithLocalizedMessage("vitals_empty");
        }
    }

    public sealed class Handler(CrewWriter writer) : ICommandHandler<RecordEmergencyVitals, CrewReceipt>
    {
        public async ValueTask<CrewReceipt> Handle(RecordEmergencyVitals command, CancellationToken cancellationToken) =>
            await writer.WriteAsync(command.CaseId, command.Stamp, "vitals", (c, crew, now) =>
            {
                var breaches = command.Signs.Breaches();
                if (breaches.Count > 0)
                {
                    throw new VitalsOutOfRangeException([.. breaches.Select(b => b.DiastolicNotBelowSystolic
                        ? ValidationMessages.Failure(b.Field, "vital_diastolic_not_below_systolic")
                        : ValidationMessages.Failure(b.Field, "vital_out_of_range", b.Limit.Min, b.Limit.Max))]);
                }

                if (command.MeasuredAt > now + EmergencyCase.ClockTolerance)
                {
                    throw new DomainRuleException("emergency_time_in_future", "The time is in the future.");
                }

                return Task.FromResult<Guid?>(c.RecordVitals(command.Signs, command.MeasuredAt!.Value, crew, now).Id);
            }, cancellationToken);
    }
}

/// <summary>Vital signs outside physiological limits: a 422 carrying the field errors like a 400 does.</summary>
public sealed class VitalsOutOfRangeException(IReadOnlyList<FluentValidation.Results.ValidationFailure> failures)
    : DomainException("emergency_vitals_out_of_range", "Vital signs outside physiological limits.")
{
    public IReadOnlyList<FluentValidation.Results.ValidationFailure> Failures { get; } = failures;
}
