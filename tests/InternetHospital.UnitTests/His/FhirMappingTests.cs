using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using InternetHospital.Application.His;
using InternetHospital.Infrastructure.His;
using InternetHospital.Infrastructure.His.Delivery;
using InternetHospital.Infrastructure.His.Fhir;

namespace InternetHospital.UnitTests.His;

/// <summary>Every resource the FHIR writer sends validates against the R4 base profiles, and reads map back.</summary>
public sealed class FhirMappingTests
{
    private static readonly Lazy<Validator> Validator = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(source, new LocalTerminologyService(source));
    });

    private readonly FhirResourceMapper mapper = new(new HisIdentifierOptions());

    public static TheoryData<string> Kinds() => new(HisMessageSerializer.AllKinds);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_resource_sent_for_a_message_kind_is_valid_r4(string kind)
    {
        var writes = mapper.Map(Hl7CodecTests.Outbound(Sample(kind)));

        Assert.NotEmpty(writes);
        var booked = (Appointment)mapper.Map(Hl7CodecTests.Outbound(Sample("appointment.booked"))).Single().Resource;
        foreach (var write in writes)
        {
            // A reschedule or cancellation is sent as the HIS's appointment with the change applied.
            var sent = write.UpdateExisting ? FhirResourceMapper.Apply(booked, (Appointment)write.Resource) : write.Resource;
            var outcome = Validator.Value.Validate(sent)!;
            var errors = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).Select(i => $"{i.Location?.FirstOrDefault()}: {i.Details?.Text ?? i.Diagnostics}").ToList();
            Assert.True(errors.Count == 0, $"{write.Resource.TypeName} for {kind}:\n" + string.Join('\n', errors));
        }
    }

    [Fact]
    public void A_registered_patient_carries_the_chinese_name_resident_id_and_portal_id()
    {
        var patient = (Patient)mapper.Map(Hl7CodecTests.Outbound(Sample("patient.registered"))).Single().Resource;

        Assert.Equal("张伟", patient.Name.Single().Text);
        Assert.Equal("1965-03-12", patient.BirthDate);
        Assert.Contains(patient.Identifier, i => i.System == "urn:oid:2.16.156.10011.1.3" && i.Value == Hl7CodecTests.ResidentId);
        Assert.Contains(patient.Identifier, i => i.System == "urn:internet-hospital:patient" && i.Value == Hl7CodecTests.PatientId.ToString());
    }

    [Fact]
    public void A_cancellation_changes_only_status_and_reason_of_the_appointment_the_his_holds()
    {
        var booked = (Appointment)mapper.Map(Hl7CodecTests.Outbound(Sample("appointment.booked"))).Single().Resource;
        var cancel = mapper.Map(Hl7CodecTests.Outbound(Sample("appointment.cancelled"))).Single();

        var updated = FhirResourceMapper.Apply(booked, (Appointment)cancel.Resource);

        Assert.True(cancel.UpdateExisting);
        Assert.Equal(Appointment.AppointmentStatus.Cancelled, updated.Status);
        Assert.Equal(booked.Start, updated.Start);
        Assert.Equal("患者要求", updated.CancelationReason?.Text);
        Assert.Null(Validator.Value.Validate(updated)!.Issue.FirstOrDefault(i => i.Severity == OperationOutcome.IssueSeverity.Error));
    }

    [Fact]
    public void A_modification_changes_doctor_department_and_length_and_keeps_the_patient_of_the_appointment_the_his_holds()
    {
        var booked = (Appointment)mapper.Map(Hl7CodecTests.Outbound(Sample("appointment.booked"))).Single().Resource;
        var modify = mapper.Map(Hl7CodecTests.Outbound(Sample("appointment.modified"))).Single();

        var updated = FhirResourceMapper.Apply(booked, (Appointment)modify.Resource);

        Assert.True(modify.UpdateExisting);
        Assert.Equal(Appointment.AppointmentStatus.Booked, updated.Status);
        Assert.Equal("ENDO", updated.Specialty.Single().Coding.Single().Code);
        Assert.Equal(20, updated.MinutesDuration);
        var practitioner = Assert.Single(updated.Participant, p => p.Actor?.Type == "Practitioner");
        Assert.Equal("0190f5c8-0000-7000-8000-0000000000dd", practitioner.Actor!.Identifier?.Value);
        Assert.Single(updated.Participant, p => p.Actor?.Type == "Patient");
    }

    [Fact]
    public void A_home_blood_pressure_becomes_the_vital_signs_panel_with_the_pulse_beside_it()
    {
        var writes = mapper.Map(Hl7CodecTests.Outbound(Sample("measurement.recorded")));

        Assert.Equal(["0190f5c8-0000-7000-8000-0000000000bb", "0190f5c8-0000-7000-8000-0000000000bb-pulse"], writes.Select(w => w.IdentifierValue));
        var panel = (Observation)writes[0].Resource;
        Assert.Equal("85354-9", panel.Code.Coding.Single().Code);
        Assert.Equal("vital-signs", panel.Category.Single().Coding.Single().Code);
        Assert.Equal([("8480-6", 162m), ("8462-4", 98m)], panel.Component.Select(c => (c.Code.Coding.Single().Code, ((Quantity)c.Value!).Value!.Value)));
        Assert.All(panel.Component, c => Assert.Equal("mm[Hg]", ((Quantity)c.Value!).Code));
        Assert.Equal("A", panel.Interpretation.Single().Coding.Single().Code);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), ((FhirDateTime)panel.Effective!).ToDateTimeOffset(TimeSpan.Zero));
        var pulse = (Observation)writes[1].Resource;
        Assert.Equal(("8867-4", 88m, "/min"), (pulse.Code.Coding.Single().Code, ((Quantity)pulse.Value!).Value!.Value, ((Quantity)pulse.Value!).Code));
    }

    [Theory]
    [InlineData("Fasting", "Fasting.")]
    [InlineData("AfterMeal", "Two hours after a meal.")]
    public void A_home_glucose_is_a_glucometer_observation_in_mmol_per_litre_saying_when_it_was_taken(string timing, string note)
    {
        var reading = new HomeMeasurementRecordedMessage(Guid.NewGuid(), Hl7CodecTests.PatientId, "BloodGlucose", null, null, null, 16.8m, timing, null, DateTimeOffset.UtcNow, "Dangerous");

        var glucose = (Observation)mapper.Map(Hl7CodecTests.Outbound(reading)).Single().Resource;

        Assert.Equal("14743-9", glucose.Code.Coding.Single().Code);
        Assert.Equal((16.8m, "mmol/L"), (((Quantity)glucose.Value!).Value!.Value, ((Quantity)glucose.Value!).Code));
        Assert.Equal("AA", glucose.Interpretation.Single().Coding.Single().Code);
        Assert.Equal(note, glucose.Note.Single().Text);
        Assert.DoesNotContain(Validator.Value.Validate(glucose)!.Issue, i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal);
    }

    [Fact]
    public void Read_resources_map_to_the_portal_model()
    {
        var reader = new FhirReadMapper(new HisIdentifierOptions());
        var encounter = new Encounter { Id = "e1", Class = new Coding(FhirResourceMapper.ActCodeSystem, "AMB"), ServiceType = new CodeableConcept("urn:his:department", "CARD"), Period = new Period { Start = "2026-09-28T01:30:00Z" } };
        var condition = new Condition
        {
            Code = new CodeableConcept(FhirResourceMapper.Icd10System, "I10", "Essential hypertension", "原发性高血压"),
            RecordedDate = "2026-09-28",
            Encounter = new ResourceReference("Encounter/e1"),
            Asserter = new ResourceReference { Display = "李伟" },
        };
        var patient = new Patient { Id = "H1", Name = [new HumanName { Family = "欧阳", Given = ["娜娜"] }], BirthDate = "1990-01-20", Gender = AdministrativeGender.Female, Identifier = [new Identifier("urn:his:mrn", "MR1")] };

        var diagnosis = reader.Diagnosis(condition, new Dictionary<string, Encounter> { ["Encounter/e1"] = encounter });
        var mapped = reader.Patient(patient);

        Assert.Equal(new HisDiagnosis("I10", "原发性高血压", new DateOnly(2026, 9, 28), true, "CARD", "李伟"), diagnosis);
        Assert.False(reader.Diagnosis(condition, new Dictionary<string, Encounter>()).InPerson);
        Assert.Equal(new HisPatient("H1", "MR1", "欧阳娜娜", new DateOnly(1990, 1, 20), "Female"), mapped);
        Assert.Equal("outpatient", FhirReadMapper.Encounter(encounter).Kind);
    }

    internal static readonly Guid EmergencyCaseId = Guid.Parse("0190f5c8-0000-7000-8000-0000000000ee");

    [Fact]
    public void An_unidentified_ambulance_patient_is_registered_under_a_temporary_patient_with_an_emergency_encounter()
    {
        var unknown = new EmergencyRegisteredMessage(EmergencyCaseId, null, "CFPH", 1, "Trauma", null, DateTimeOffset.Parse("2026-12-07T08:30:00Z"), "Male", 45, DateTimeOffset.Parse("2026-12-07T08:20:00Z"));
        var outbound = Hl7CodecTests.Outbound(unknown) with { Patient = HisPatientRef.Unidentified(EmergencyCaseId, "Male") };

        var writes = mapper.Map(outbound);

        var patient = (Patient)writes[0].Resource;
        Assert.Equal(mapper.EmergencyPatientSystem, writes[0].IdentifierSystem);
        Assert.Equal("无名氏", patient.Name.Single().Text);
        Assert.Null(patient.BirthDate);
        Assert.Equal(AdministrativeGender.Male, patient.Gender);
        var encounter = (Encounter)writes[1].Resource;
        Assert.Equal("EMER", encounter.Class!.Code);
        Assert.Equal(Encounter.EncounterStatus.Planned, encounter.Status);
        Assert.Equal("EM", encounter.Priority!.Coding.Single().Code);
        Assert.Equal(EmergencyCaseId.ToString(), encounter.Subject!.Identifier!.Value);
        foreach (var write in writes)
        {
            var errors = Validator.Value.Validate(write.Resource)!.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).ToList();
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void Identifying_the_patient_later_moves_the_encounter_to_the_record_and_retires_the_temporary_patient()
    {
        var writes = mapper.Map(Hl7CodecTests.Outbound(Sample("emergency.identified")));

        var temporary = (Patient)writes.Single(w => w.IdentifierSystem == mapper.EmergencyPatientSystem).Resource;
        Assert.False(temporary.Active);
        Assert.Equal(Patient.LinkType.ReplacedBy, temporary.Link.Single().Type);
        Assert.Equal(Hl7CodecTests.PatientId.ToString(), temporary.Link.Single().Other!.Identifier!.Value);
        var encounter = (Encounter)writes.Single(w => w.IdentifierSystem == mapper.EmergencyEncounterSystem).Resource;
        Assert.Equal(Hl7CodecTests.PatientId.ToString(), encounter.Subject!.Identifier!.Value);
    }

    internal static HisMessage Sample(string kind)
    {
        var start = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
        var appointment = Guid.Parse("0190f5c8-0000-7000-8000-0000000000aa");
        return kind switch
        {
            "patient.registered" => new PatientRegisteredMessage(Hl7CodecTests.PatientId, "张伟", new DateOnly(1965, 3, 12), "Male", "13900000001"),
            "appointment.booked" => new AppointmentBookedMessage(appointment, Hl7CodecTests.PatientId, Guid.NewGuid(), "CARD", start, start.AddMinutes(15), "video follow-up"),
            "appointment.rescheduled" => new AppointmentRescheduledMessage(appointment, Hl7CodecTests.PatientId, Guid.NewGuid(), start.AddDays(1), start.AddDays(1).AddMinutes(15)),
            "appointment.modified" => new AppointmentModifiedMessage(appointment, Hl7CodecTests.PatientId, Guid.Parse("0190f5c8-0000-7000-8000-0000000000dd"), "ENDO", start, start.AddMinutes(20), "video follow-up", "医生调整"),
            "appointment.cancelled" => new AppointmentCancelledMessage(appointment, Hl7CodecTests.PatientId, "患者要求"),
            "encounter.completed" => new EncounterCompletedMessage(Guid.NewGuid(), appointment, Hl7CodecTests.PatientId, Guid.NewGuid(), start.AddMinutes(20),
                [new EncounterDiagnosis("I10", "原发性高血压")], "血压控制可 <良好> & stable.\n继续服药。", "0f1e2d"),
            "prescription.approved" => new PrescriptionApprovedMessage(Guid.NewGuid(), Hl7CodecTests.PatientId, Guid.NewGuid(), Guid.NewGuid(), start,
                [new PrescriptionLine("C08CA01-5", "氨氯地平 Amlodipine", "5 mg", "5 mg", "qd", "oral", 28, 28)]),
            "measurement.recorded" => new HomeMeasurementRecordedMessage(Guid.Parse("0190f5c8-0000-7000-8000-0000000000bb"), Hl7CodecTests.PatientId, "BloodPressure", 162, 98, 88, null, null, null, start, "OutOfTarget"),
            "emergency.registered" => new EmergencyRegisteredMessage(EmergencyCaseId, Hl7CodecTests.PatientId, "CFPH", 2, "Stroke", "右侧肢体无力 1 小时", start.AddMinutes(12), null, null, start),
            "emergency.identified" => new EmergencyPatientIdentifiedMessage(EmergencyCaseId, Hl7CodecTests.PatientId, "CFPH", 1, "Trauma", start, start.AddHours(2)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No sample for this kind: add one."),
        };
    }
}
