using InternetHospital.Domain.Common;
using InternetHospital.Domain.Emergency;

namespace InternetHospital.UnitTests.Emergency;

/// <summary>The offline merge (duplicates, reordering), the timeline rules, vital-sign limits and the ETA of a case.</summary>
public sealed class EmergencyCaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly Actor Crew = new(Guid.NewGuid(), "王磊");
    private static readonly Actor Doctor = new(Guid.NewGuid(), "郑洁");
    private static readonly ReceivingHospital Hospital = ReceivingHospital.Create(Guid.NewGuid(), 30.5928, 114.3055);

    private static SyncStamp Stamp(int sequence) => new(Guid.NewGuid(), sequence);

    private static EmergencyCase Started(DateTimeOffset? firstContact = null) =>
        EmergencyCase.Start(Guid.NewGuid(), Guid.NewGuid(), Crew, Stamp(1), Now.AddMinutes(-20), firstContact ?? Now.AddMinutes(-10), Now);

    /// <summary>What the server does with one crew write: replay, refuse or apply.</summary>
    private static (EmergencySyncItem Receipt, bool Replayed) Write(EmergencyCase c, SyncStamp stamp, Action apply)
    {
        if (c.Admit(stamp) is { } earlier)
        {
            return (earlier, true);
        }

        apply();
        return (c.Applied(stamp, "vitals", null, Now), false);
    }

    [Fact]
    public void A_resent_write_is_applied_once_and_answers_its_first_receipt()
    {
        var c = Started();
        var stamp = Stamp(2);
        var first = Write(c, stamp, () => c.RecordVitals(new VitalSigns(110, null, null, null, null, null, null, null), Now, Crew, Now));
        var again = Write(c, stamp, () => c.RecordVitals(new VitalSigns(110, null, null, null, null, null, null, null), Now, Crew, Now));

        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Same(first.Receipt, again.Receipt);
        Assert.Single(c.Vitals);
        Assert.Equal(2, c.LastSequence);
    }

    [Fact]
    public void A_write_ahead_of_a_missing_one_is_refused_with_the_number_to_resend_from_and_the_queue_then_applies_in_order()
    {
        var c = Started();
        var second = Stamp(2);
        var third = Stamp(3);

        var gap = Assert.Throws<SyncOrderException>(() => c.Admit(third));
        Assert.Equal(SyncOrderException.Gap, gap.Code);
        Assert.Equal(2, gap.ExpectedSequence);
        Assert.Equal(1, c.LastSequence);

        Write(c, second, () => c.RecordVitals(new VitalSigns(120, null, null, null, null, null, null, null), Now.AddMinutes(-5), Crew, Now));
        Write(c, third, () => c.RecordVitals(new VitalSigns(130, null, null, null, null, null, null, null), Now.AddMinutes(-1), Crew, Now));
        Assert.Equal([120, 130], c.Vitals.Select(v => v.HeartRate!.Value));
        Assert.Equal([1, 2, 3], c.SyncItems.Select(i => i.Sequence));
    }

    [Fact]
    public void A_number_already_used_by_another_write_is_refused_so_the_other_phone_renumbers()
    {
        var c = Started();
        Write(c, Stamp(2), () => c.Post(MessageSide.Crew, "出发", Crew, Now));

        var taken = Assert.Throws<SyncOrderException>(() => c.Admit(Stamp(2)));

        Assert.Equal(SyncOrderException.Taken, taken.Code);
        Assert.Equal(3, taken.ExpectedSequence);
    }

    [Fact]
    public void A_key_reused_for_another_number_is_a_conflict_not_a_replay()
    {
        var c = Started();
        var stamp = Stamp(2);
        Write(c, stamp, () => c.Post(MessageSide.Crew, "出发", Crew, Now));

        var reused = Assert.Throws<DomainConflictException>(() => c.Admit(stamp with { Sequence = 3 }));

        Assert.Equal("emergency_idempotency_key_reused", reused.Code);
    }

    [Fact]
    public void A_case_starts_only_with_its_first_write()
    {
        var early = Assert.Throws<SyncOrderException>(() => EmergencyCase.Start(Guid.NewGuid(), Guid.NewGuid(), Crew, Stamp(2), null, null, Now));

        Assert.Equal(1, early.ExpectedSequence);
    }

    [Fact]
    public void The_timeline_runs_first_contact_departure_arrival_handover_and_handover_closes_the_case_but_not_for_the_ct()
    {
        var c = Started();
        c.Record(TimelineKind.SceneDeparture, Now.AddMinutes(-5), Crew, Now);
        c.Record(TimelineKind.Arrival, Now.AddMinutes(-1), Crew, Now);
        c.Record(TimelineKind.Handover, Now, Doctor, Now);

        Assert.Equal(EmergencyCaseStatus.HandedOver, c.Status);
        Assert.Equal("emergency_case_closed", Assert.Throws<DomainConflictException>(() => c.Post(MessageSide.Crew, "x", Crew, Now)).Code);
        c.Record(TimelineKind.CtStarted, Now.AddMinutes(1), Doctor, Now.AddMinutes(2));
        Assert.Equal(
            [TimelineKind.Called, TimelineKind.FirstContact, TimelineKind.SceneDeparture, TimelineKind.Arrival, TimelineKind.Handover, TimelineKind.CtStarted],
            c.Timeline.OrderBy(t => t.At).Select(t => t.Kind));
    }

    [Fact]
    public void Moments_out_of_order_twice_or_in_the_future_are_refused()
    {
        var c = Started(Now.AddMinutes(-10));

        Assert.Equal("emergency_timeline_out_of_order", Assert.Throws<DomainRuleException>(() => c.Record(TimelineKind.SceneDeparture, Now.AddMinutes(-11), Crew, Now)).Code);
        Assert.Equal("emergency_timeline_out_of_order", Assert.Throws<DomainRuleException>(() => c.Record(TimelineKind.CtStarted, Now, Doctor, Now)).Code);
        Assert.Equal("emergency_time_in_future", Assert.Throws<DomainRuleException>(() => c.Record(TimelineKind.Arrival, Now.AddMinutes(5), Crew, Now)).Code);
        c.Record(TimelineKind.Arrival, Now, Crew, Now);
        Assert.Equal("emergency_timeline_already_recorded", Assert.Throws<DomainConflictException>(() => c.Record(TimelineKind.Arrival, Now, Crew, Now)).Code);
        Assert.Equal("emergency_timeline_out_of_order", Assert.Throws<DomainRuleException>(() => c.Record(TimelineKind.SceneDeparture, Now.AddMinutes(1), Crew, Now.AddMinutes(1))).Code);
    }

    [Fact]
    public void A_handover_without_a_recorded_arrival_records_the_arrival_too()
    {
        var c = Started();
        c.Record(TimelineKind.Handover, Now, Doctor, Now);

        Assert.Equal(Now, c.At(TimelineKind.Arrival));
    }

    [Theory]
    [InlineData(19, null, null, null, "heartRate")]
    [InlineData(301, null, null, null, "heartRate")]
    [InlineData(null, 350, null, null, "systolic")]
    [InlineData(null, null, 49, null, "spO2")]
    [InlineData(null, null, null, 2, "gcs")]
    public void Vital_signs_outside_physiological_limits_are_named_by_field(int? heartRate, int? systolic, int? spO2, int? gcs, string field)
    {
        var breach = Assert.Single(new VitalSigns(heartRate, systolic, null, spO2, null, null, null, gcs).Breaches());

        Assert.Equal(field, breach.Field);
    }

    [Fact]
    public void Extreme_but_real_values_pass_and_each_bad_value_is_reported()
    {
        Assert.Empty(new VitalSigns(20, 40, 20, 50, 4, 25.0m, 0.5m, 3).Breaches());
        Assert.Empty(new VitalSigns(300, 300, 199, 100, 80, 45.0m, 50.0m, 15).Breaches());
        Assert.Equal(["temperature", "glucose"], new VitalSigns(null, null, null, null, null, 46.2m, 0.2m, null).Breaches().Select(b => b.Field));
        Assert.True(Assert.Single(new VitalSigns(null, 120, 130, null, null, null, null, null).Breaches()).DiastolicNotBelowSystolic);
    }

    [Fact]
    public void The_eta_is_the_straight_line_stretched_by_the_road_factor_at_the_average_speed_and_ignores_older_positions()
    {
        var c = Started();
        c.SetDestination(Hospital, Crew, roadFactor: 1.3, speedKmh: 40, Now);

        // 0.09 degrees of latitude south of the hospital: 10.0 km in a straight line, 13.0 km by road, 19.5 min at 40 km/h.
        Assert.True(c.MoveTo(30.5028, 114.3055, Now, Hospital, 1.3, 40, Now));
        Assert.Equal(13.01, c.EtaDistanceKm!.Value, 1);
        Assert.Equal(19.5, (c.EtaAt!.Value - Now).TotalMinutes, 0);

        Assert.False(c.MoveTo(30.4, 114.3, Now.AddSeconds(-15), Hospital, 1.3, 40, Now));
        Assert.Equal(30.5028, c.Latitude);
        Assert.Equal(Now, c.At(TimelineKind.PreNotified));
    }

    [Fact]
    public void Activating_a_pathway_needs_a_destination_and_raises_one_alert_that_each_member_acknowledges_once()
    {
        var c = Started();
        Assert.Equal("emergency_destination_required", Assert.Throws<DomainRuleException>(() => c.Activate(EmergencyPathway.Stroke, Crew, Now)).Code);
        c.SetDestination(Hospital, Crew, 1.3, 40, Now);

        var alert = c.Activate(EmergencyPathway.Stroke, Crew, Now);
        Assert.Same(alert, c.Activate(EmergencyPathway.Stroke, Doctor, Now));
        Assert.True(alert.Acknowledge(Doctor, Now));
        Assert.False(alert.Acknowledge(Doctor, Now.AddMinutes(1)));

        Assert.Single(c.Alerts);
        Assert.Single(alert.Acks);
        Assert.Equal(EmergencyPathway.Stroke, c.Pathway);
    }

    [Fact]
    public void An_unknown_patient_merges_into_a_record_once()
    {
        var c = Started();
        c.IdentifyUnknown(Domain.Patients.Sex.Male, 60, "灰色外套", Now);
        var patientId = Guid.NewGuid();

        c.MergeInto(patientId, Now);

        Assert.Equal(patientId, c.PatientId);
        Assert.Equal(Now, c.MergedAt);
        Assert.Equal("emergency_patient_already_known", Assert.Throws<DomainConflictException>(() => c.MergeInto(Guid.NewGuid(), Now)).Code);
    }
}
