using System.Globalization;
using System.Net;
using Hl7.Fhir.Model;
using InternetHospital.Application.His;
using InternetHospital.Infrastructure.His.Delivery;
using IdDocumentType = InternetHospital.Domain.Patients.IdDocumentType;

namespace InternetHospital.Infrastructure.His.Fhir;

/// <summary>One resource the writer sends, and the business identifier that makes sending it idempotent.</summary>
internal sealed record FhirWrite(Resource Resource, string IdentifierSystem, string IdentifierValue, bool UpdateExisting = false);

/// <summary>
/// Maps portal messages to FHIR R4 resources: Patient; Appointment; Encounter + Composition (the signed note);
/// one MedicationRequest (intent=order) per prescription line; an Observation per home reading (LOINC-coded, UCUM units). Every resource carries the portal's identifier,
/// and the writer sends it as a conditional update on that identifier, so a redelivery updates instead of
/// creating a second resource.
/// </summary>
internal sealed class FhirResourceMapper(HisIdentifierOptions ids)
{
    public const string Icd10System = "http://hl7.org/fhir/sid/icd-10";
    public const string LoincSystem = "http://loinc.org";
    public const string ActCodeSystem = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    public string PatientSystem => ids.PortalSystem("patient");
    public string AppointmentSystem => ids.PortalSystem("appointment");
    public string EncounterSystem => ids.PortalSystem("encounter");
    public string NoteSystem => ids.PortalSystem("encounter-note");
    public string PrescriptionSystem => ids.PortalSystem("prescription");
    public string MedicationRequestSystem => ids.PortalSystem("medication-request");
    public string PractitionerSystem => ids.PortalSystem("practitioner");
    public string DepartmentSystem => ids.PortalSystem("department");
    public string DrugSystem => ids.PortalSystem("drug");
    public string ObservationSystem => ids.PortalSystem("observation");
    public string EmergencyEncounterSystem => ids.PortalSystem("emergency-encounter");
    public string EmergencyPatientSystem => ids.PortalSystem("emergency-unidentified-patient");
    public string FacilitySystem => ids.PortalSystem("facility");
    public const string ActPrioritySystem = "http://terminology.hl7.org/CodeSystem/v3-ActPriority";

    public const string UcumSystem = "http://unitsofmeasure.org";
    public const string ObservationCategorySystem = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string InterpretationSystem = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    public IReadOnlyList<FhirWrite> Map(HisOutboundMessage outbound) => outbound.Message switch
    {
        PatientRegisteredMessage => [new FhirWrite(Patient(outbound.Patient), PatientSystem, outbound.Patient.PatientId.ToString())],
        AppointmentBookedMessage m => [new FhirWrite(Booked(m, outbound.Patient), AppointmentSystem, m.AppointmentId.ToString())],
        AppointmentRescheduledMessage m => [new FhirWrite(Rescheduled(m), AppointmentSystem, m.AppointmentId.ToString(), UpdateExisting: true)],
        AppointmentModifiedMessage m => [new FhirWrite(Modified(m), AppointmentSystem, m.AppointmentId.ToString(), UpdateExisting: true)],
        AppointmentCancelledMessage m => [new FhirWrite(Cancelled(m), AppointmentSystem, m.AppointmentId.ToString(), UpdateExisting: true)],
        EncounterCompletedMessage m =>
        [
            new FhirWrite(Encounter(m, outbound.Patient), EncounterSystem, m.EncounterId.ToString()),
            new FhirWrite(Note(m, outbound.Patient), NoteSystem, m.EncounterId.ToString()),
        ],
        PrescriptionApprovedMessage m => m.Lines.Select((line, i) => new FhirWrite(Medication(m, line, i + 1, outbound.Patient), MedicationRequestSystem, LineId(m, i + 1))).ToList(),
        HomeMeasurementRecordedMessage m => Observations(m, outbound.Patient),
        EmergencyRegisteredMessage m =>
        [
            outbound.Patient.IsUnidentified
                ? new FhirWrite(TemporaryPatient(m.CaseId, outbound.Patient.Sex, replacedBy: null), EmergencyPatientSystem, m.CaseId.ToString())
                : new FhirWrite(Patient(outbound.Patient), PatientSystem, outbound.Patient.PatientId.ToString()),
            new FhirWrite(
                EmergencyEncounter(m.CaseId, outbound.Patient.IsUnidentified ? TemporaryReference(m.CaseId) : PatientReference(outbound.Patient), m.FacilityCode, m.TriageLevel, m.Pathway, m.ChiefComplaint, m.ExpectedArrival ?? m.AcceptedAt),
                EmergencyEncounterSystem,
                m.CaseId.ToString()),
        ],
        EmergencyPatientIdentifiedMessage m =>
        [
            new FhirWrite(Patient(outbound.Patient), PatientSystem, outbound.Patient.PatientId.ToString()),
            new FhirWrite(TemporaryPatient(m.CaseId, "Unknown", PatientReference(outbound.Patient)), EmergencyPatientSystem, m.CaseId.ToString()),
            new FhirWrite(EmergencyEncounter(m.CaseId, PatientReference(outbound.Patient), m.FacilityCode, m.TriageLevel, m.Pathway, null, m.AcceptedAt), EmergencyEncounterSystem, m.CaseId.ToString()),
        ],
        _ => throw new HisDeliveryException(HisFailure.Rejected, $"FHIR has no mapping for '{outbound.Message.Kind}'."),
    };

    public Patient Patient(HisPatientRef patient)
    {
        var resource = new Patient
        {
            Identifier = [new Identifier(PatientSystem, patient.PatientId.ToString()) { Use = Identifier.IdentifierUse.Secondary }],
            Name = [new HumanName { Text = patient.FullName, Use = HumanName.NameUse.Official }],
            Gender = patient.Sex switch
            {
                "Male" => AdministrativeGender.Male,
                "Female" => AdministrativeGender.Female,
                _ => AdministrativeGender.Unknown,
            },
            BirthDate = patient.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (patient.IdNumber is { } number)
        {
            resource.Identifier.Add(new Identifier(patient.IdType == IdDocumentType.Passport ? ids.PassportSystem : ids.ResidentIdSystem, number) { Use = Identifier.IdentifierUse.Official });
        }

        if (patient.Mobile is { Length: > 0 } mobile)
        {
            resource.Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, mobile)];
        }

        return resource;
    }

    /// <summary>
    /// An ambulance patient not yet identified, registered under the case (无名氏, no birth date); once identified it is
    /// deactivated and links to the real record as replaced-by.
    /// </summary>
    private Patient TemporaryPatient(Guid caseId, string sex, ResourceReference? replacedBy) => new()
    {
        Identifier = [new Identifier(EmergencyPatientSystem, caseId.ToString()) { Use = Identifier.IdentifierUse.Temp }],
        Active = replacedBy is null,
        Name = [new HumanName { Text = HisPatientRef.UnidentifiedName, Use = HumanName.NameUse.Temp }],
        Gender = sex switch
        {
            "Male" => AdministrativeGender.Male,
            "Female" => AdministrativeGender.Female,
            _ => AdministrativeGender.Unknown,
        },
        Link = replacedBy is null ? [] : [new Patient.LinkComponent { Other = replacedBy, Type = Hl7.Fhir.Model.Patient.LinkType.ReplacedBy }],
    };

    private ResourceReference TemporaryReference(Guid caseId) => new()
    {
        Type = "Patient",
        Identifier = new Identifier(EmergencyPatientSystem, caseId.ToString()),
        Display = HisPatientRef.UnidentifiedName,
    };

    /// <summary>
    /// The emergency visit registered before arrival: class EMER, status planned (the ambulance is on its way), the
    /// expected arrival as the period's start, the triage level as the priority (I–II emergency, III–IV urgent) and in
    /// text, the pathway as the type, and the receiving hospital as the service provider.
    /// </summary>
    private Encounter EmergencyEncounter(Guid caseId, ResourceReference subject, string facilityCode, int? triageLevel, string pathway, string? complaint, DateTimeOffset expected) => new()
    {
        Identifier = [new Identifier(EmergencyEncounterSystem, caseId.ToString())],
        Status = Hl7.Fhir.Model.Encounter.EncounterStatus.Planned,
        Class = new Coding(ActCodeSystem, "EMER", "emergency"),
        Priority = triageLevel is { } level
            ? new CodeableConcept(ActPrioritySystem, level <= 2 ? "EM" : "UR", level <= 2 ? "emergency" : "urgent", $"triage level {level}")
            : null,
        Type = [new CodeableConcept { Text = pathway }],
        Subject = subject,
        ServiceProvider = new ResourceReference { Type = "Organization", Identifier = new Identifier(FacilitySystem, facilityCode) },
        Period = new Period { StartElement = new FhirDateTime(expected) },
        ReasonCode = complaint is null ? [] : [new CodeableConcept { Text = complaint }],
    };

    /// <summary>The patient: by the HIS's id once matched, and always by the portal's identifier.</summary>
    public ResourceReference PatientReference(HisPatientRef patient) => new()
    {
        Reference = patient.HisPatientId is { } his ? "Patient/" + his : null,
        Type = "Patient",
        Identifier = new Identifier(PatientSystem, patient.PatientId.ToString()),
        Display = patient.FullName,
    };

    private ResourceReference Practitioner(Guid id) => new()
    {
        Type = "Practitioner",
        Identifier = new Identifier(PractitionerSystem, id.ToString()),
    };

    private Appointment Booked(AppointmentBookedMessage booked, HisPatientRef patient) => new()
    {
        Identifier = [new Identifier(AppointmentSystem, booked.AppointmentId.ToString())],
        Status = Appointment.AppointmentStatus.Booked,
        ServiceType = [new CodeableConcept { Text = booked.VisitType }],
        Specialty = [new CodeableConcept(DepartmentSystem, booked.DepartmentCode)],
        Start = booked.Start,
        End = booked.End,
        MinutesDuration = (int)Math.Round((booked.End - booked.Start).TotalMinutes),
        Participant =
        [
            new Appointment.ParticipantComponent { Actor = PatientReference(patient), Status = ParticipationStatus.Accepted },
            new Appointment.ParticipantComponent { Actor = Practitioner(booked.DoctorId), Status = ParticipationStatus.Accepted },
        ],
    };

    /// <summary>A partial Appointment: the writer applies it to the one the HIS holds (read, change the times, update).</summary>
    private Appointment Rescheduled(AppointmentRescheduledMessage rescheduled) => new()
    {
        Identifier = [new Identifier(AppointmentSystem, rescheduled.AppointmentId.ToString())],
        Status = Appointment.AppointmentStatus.Booked,
        Start = rescheduled.Start,
        End = rescheduled.End,
        MinutesDuration = (int)Math.Round((rescheduled.End - rescheduled.Start).TotalMinutes),
        Participant = [new Appointment.ParticipantComponent { Actor = Practitioner(rescheduled.DoctorId), Status = ParticipationStatus.Accepted }],
    };

    /// <summary>A partial Appointment as well: times, practitioner, visit type and department as they now are.</summary>
    private Appointment Modified(AppointmentModifiedMessage modified) => new()
    {
        Identifier = [new Identifier(AppointmentSystem, modified.AppointmentId.ToString())],
        Status = Appointment.AppointmentStatus.Booked,
        ServiceType = [new CodeableConcept { Text = modified.VisitType }],
        Specialty = [new CodeableConcept(DepartmentSystem, modified.DepartmentCode)],
        Start = modified.Start,
        End = modified.End,
        MinutesDuration = (int)Math.Round((modified.End - modified.Start).TotalMinutes),
        Participant = [new Appointment.ParticipantComponent { Actor = Practitioner(modified.DoctorId), Status = ParticipationStatus.Accepted }],
    };

    private Appointment Cancelled(AppointmentCancelledMessage cancelled) => new()
    {
        Identifier = [new Identifier(AppointmentSystem, cancelled.AppointmentId.ToString())],
        Status = Appointment.AppointmentStatus.Cancelled,
        CancelationReason = new CodeableConcept { Text = cancelled.Reason },
    };

    /// <summary>Applies a reschedule, modification or cancellation to the Appointment the HIS holds, keeping what the message does not say.</summary>
    public static Appointment Apply(Appointment existing, Appointment change)
    {
        var updated = (Appointment)existing.DeepCopy();
        updated.Status = change.Status;
        if (change.Status == Appointment.AppointmentStatus.Cancelled)
        {
            updated.CancelationReason = change.CancelationReason;
            return updated;
        }

        updated.Start = change.Start;
        updated.End = change.End;
        updated.MinutesDuration = change.MinutesDuration;
        if (change.ServiceType.Count > 0)
        {
            updated.ServiceType = change.ServiceType;
        }

        if (change.Specialty.Count > 0)
        {
            updated.Specialty = change.Specialty;
        }

        var practitioner = change.Participant.Single().Actor;
        updated.Participant.RemoveAll(p => p.Actor?.Type == "Practitioner");
        updated.Participant.Add(new Appointment.ParticipantComponent { Actor = practitioner, Status = ParticipationStatus.Accepted });
        return updated;
    }

    private Encounter Encounter(EncounterCompletedMessage encounter, HisPatientRef patient) => new()
    {
        Identifier = [new Identifier(EncounterSystem, encounter.EncounterId.ToString())],
        Status = Hl7.Fhir.Model.Encounter.EncounterStatus.Finished,
        Class = new Coding(ActCodeSystem, "VR", "virtual"),
        Subject = PatientReference(patient),
        Participant = [new Encounter.ParticipantComponent { Individual = Practitioner(encounter.DoctorId) }],
        Appointment = [new ResourceReference { Type = "Appointment", Identifier = new Identifier(AppointmentSystem, encounter.AppointmentId.ToString()) }],
        Period = new Period { EndElement = new FhirDateTime(encounter.CompletedAt) },
        ReasonCode = encounter.Diagnoses.Select(d => new CodeableConcept(Icd10System, d.Icd10Code, d.Description, d.Description)).ToList(),
    };

    private Composition Note(EncounterCompletedMessage encounter, HisPatientRef patient)
    {
        var paragraphs = string.Concat(HisText.Lines(encounter.Note).Select(line => "<p>" + WebUtility.HtmlEncode(line) + "</p>"));
        return new Composition
        {
            Identifier = new Identifier(NoteSystem, encounter.EncounterId.ToString()),
            Status = CompositionStatus.Final,
            Type = new CodeableConcept(LoincSystem, "11506-3", "Progress note"),
            Subject = PatientReference(patient),
            Encounter = new ResourceReference { Type = "Encounter", Identifier = new Identifier(EncounterSystem, encounter.EncounterId.ToString()) },
            DateElement = new FhirDateTime(encounter.CompletedAt),
            Author = [Practitioner(encounter.DoctorId)],
            Title = "Online follow-up visit note",
            Attester = [new Composition.AttesterComponent { Mode = Composition.CompositionAttestationMode.Legal, TimeElement = new FhirDateTime(encounter.CompletedAt), Party = Practitioner(encounter.DoctorId) }],
            Section =
            [
                new Composition.SectionComponent
                {
                    Title = "Note",
                    Code = new CodeableConcept(LoincSystem, "11506-3", "Progress note"),
                    Text = new Narrative { Status = Narrative.NarrativeStatus.Generated, Div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + paragraphs + "</div>" },
                },
            ],
            Meta = new Meta { Tag = [new Coding(ids.PortalSystem("note-sha256"), encounter.NoteHash)] },
        };
    }

    private static string LineId(PrescriptionApprovedMessage prescription, int line) => $"{prescription.PrescriptionId}-{line}";

    private MedicationRequest Medication(PrescriptionApprovedMessage prescription, PrescriptionLine line, int number, HisPatientRef patient)
    {
        var dosage = new Dosage
        {
            Text = $"{line.Dose} {line.Frequency} {line.Route}",
            Timing = new Timing { Code = new CodeableConcept { Text = line.Frequency } },
            Route = new CodeableConcept { Text = line.Route },
        };
        if (DecimalQuantity(line.Dose) is { } dose)
        {
            dosage.DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = dose }];
        }

        return new MedicationRequest
        {
            Identifier = [new Identifier(MedicationRequestSystem, LineId(prescription, number))],
            GroupIdentifier = new Identifier(PrescriptionSystem, prescription.PrescriptionId.ToString()),
            Status = MedicationRequest.MedicationrequestStatus.Active,
            Intent = MedicationRequest.MedicationRequestIntent.Order,
            Medication = new CodeableConcept(DrugSystem, line.DrugCode, line.DrugName, $"{line.DrugName} {line.Strength}"),
            Subject = PatientReference(patient),
            AuthoredOnElement = new FhirDateTime(prescription.ApprovedAt),
            Requester = Practitioner(prescription.DoctorId),
            DosageInstruction = [dosage],
            DispenseRequest = new MedicationRequest.DispenseRequestComponent
            {
                Quantity = new Quantity { Value = line.Quantity },
                ExpectedSupplyDuration = new Duration { Value = line.DaysSupply, Unit = "d", System = "http://unitsofmeasure.org", Code = "d" },
            },
            Note = [new Annotation { Author = Practitioner(prescription.PharmacistAccountId), Text = new Markdown("Reviewed and approved by the pharmacist."), TimeElement = new FhirDateTime(prescription.ApprovedAt) }],
        };
    }

    private static Quantity? DecimalQuantity(string text) => HisText.AmountAndUnit(text) is (var amount, { } unit)
        ? new Quantity { Value = decimal.Parse(amount, CultureInfo.InvariantCulture), Unit = unit }
        : null;

    /// <summary>
    /// A home reading as Observations: blood pressure as the vital-signs panel (85354-9) with systolic and diastolic
    /// components, and the pulse the monitor showed as its own heart-rate Observation; glucose by glucometer; weight.
    /// Each is keyed by the reading's id (the pulse by id + "-pulse"), so a redelivery updates it.
    /// </summary>
    private List<FhirWrite> Observations(HomeMeasurementRecordedMessage reading, HisPatientRef patient)
    {
        var id = reading.MeasurementId.ToString();
        var writes = new List<FhirWrite>();
        switch (reading.Measured)
        {
            case "BloodPressure":
                var panel = Observation(reading, patient, id, "vital-signs", "85354-9", "Blood pressure panel with all children optional", null);
                panel.Component =
                [
                    new Observation.ComponentComponent { Code = new CodeableConcept(LoincSystem, "8480-6", "Systolic blood pressure"), Value = Ucum(reading.Systolic, "mm[Hg]", "mmHg") },
                    new Observation.ComponentComponent { Code = new CodeableConcept(LoincSystem, "8462-4", "Diastolic blood pressure"), Value = Ucum(reading.Diastolic, "mm[Hg]", "mmHg") },
                ];
                writes.Add(new FhirWrite(panel, ObservationSystem, id));
                if (reading.HeartRate is { } pulse)
                {
                    writes.Add(new FhirWrite(Observation(reading, patient, id + "-pulse", "vital-signs", "8867-4", "Heart rate", Ucum(pulse, "/min", "beats/minute")), ObservationSystem, id + "-pulse"));
                }

                break;
            case "HeartRate":
                writes.Add(new FhirWrite(Observation(reading, patient, id, "vital-signs", "8867-4", "Heart rate", Ucum(reading.HeartRate, "/min", "beats/minute")), ObservationSystem, id));
                break;
            case "BloodGlucose":
                var glucose = Observation(reading, patient, id, "laboratory", "14743-9", "Glucose [Moles/volume] in Capillary blood by Glucometer", Ucum(reading.GlucoseMmolPerLitre, "mmol/L", "mmol/L"));
                glucose.Note = reading.GlucoseTiming switch
                {
                    "Fasting" => [new Annotation { Text = new Markdown("Fasting.") }],
                    "AfterMeal" => [new Annotation { Text = new Markdown("Two hours after a meal.") }],
                    _ => [],
                };
                writes.Add(new FhirWrite(glucose, ObservationSystem, id));
                break;
            case "Weight":
                writes.Add(new FhirWrite(Observation(reading, patient, id, "vital-signs", "29463-7", "Body weight", Ucum(reading.WeightKg, "kg", "kg")), ObservationSystem, id));
                break;
            default:
                throw new HisDeliveryException(HisFailure.Rejected, $"FHIR has no mapping for a '{reading.Measured}' reading.");
        }

        return writes;
    }

    private Observation Observation(HomeMeasurementRecordedMessage reading, HisPatientRef patient, string id, string category, string loinc, string display, Quantity? value) => new()
    {
        Identifier = [new Identifier(ObservationSystem, id)],
        Status = ObservationStatus.Final,
        Category = [new CodeableConcept(ObservationCategorySystem, category)],
        Code = new CodeableConcept(LoincSystem, loinc, display, display),
        Subject = PatientReference(patient),
        Effective = new FhirDateTime(reading.MeasuredAt),

        // Note: patient-reported (entered at home), so the patient is the performer.
        Performer = [PatientReference(patient)],
        Value = value,
        Interpretation = [new CodeableConcept(InterpretationSystem, Interpretation(reading.Flag))],
    };

    /// <summary>Normal, outside the patient's targets (abnormal), or in the danger range (critically abnormal).</summary>
    internal static string Interpretation(string flag) => flag switch
    {
        "Dangerous" => "AA",
        "OutOfTarget" => "A",
        _ => "N",
    };

    private static Quantity? Ucum(decimal? value, string code, string unit) =>
        value is { } v ? new Quantity { Value = v, Unit = unit, System = UcumSystem, Code = code } : null;

    private static Quantity? Ucum(int? value, string code, string unit) => Ucum((decimal?)value, code, unit);
}
