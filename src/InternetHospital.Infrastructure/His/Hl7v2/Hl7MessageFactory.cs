using System.Globalization;
using InternetHospital.Application.His;
using InternetHospital.Domain.Patients;
using InternetHospital.Infrastructure.His.Delivery;

namespace InternetHospital.Infrastructure.His.Hl7v2;

/// <summary>
/// Maps portal messages to HL7 v2.5: patient registered → ADT^A04; appointment booked / rescheduled / modified /
/// cancelled → SIU^S12 / S13 / S14 / S15; encounter completed (with the signed note) → MDM^T02; prescription
/// approved → RDE^O11; home reading → ORU^R01 (one OBR, an OBX per value); emergency accepted before arrival → ADT^A04
/// (patient class E); an unidentified emergency patient identified → ADT^A40. Timestamps are in the hospital's zone with their offset. MSH-10 is the outbox message id, so
/// a redelivered message carries the same control id and the HIS can drop it.
/// </summary>
internal sealed class Hl7MessageFactory(HisOptions options, TimeZoneInfo zone)
{
    private HisMllpOptions Mllp => options.Mllp;
    private HisIdentifierOptions Ids => options.Identifiers;

    public Hl7Message Create(HisOutboundMessage outbound, DateTimeOffset now) => outbound.Message switch
    {
        PatientRegisteredMessage => Registered(outbound, now),
        AppointmentBookedMessage m => Appointment(outbound, now, "S12", m.AppointmentId, m.Start, m.End, m.DoctorId, m.DepartmentCode, m.VisitType, "Booked", reason: null),
        AppointmentRescheduledMessage m => Appointment(outbound, now, "S13", m.AppointmentId, m.Start, m.End, m.DoctorId, null, null, "Booked", reason: "Rescheduled"),
        AppointmentModifiedMessage m => Appointment(outbound, now, "S14", m.AppointmentId, m.Start, m.End, m.DoctorId, m.DepartmentCode, m.VisitType, "Booked", reason: m.Change),
        AppointmentCancelledMessage m => Cancelled(outbound, now, m),
        EncounterCompletedMessage m => EncounterNote(outbound, now, m),
        PrescriptionApprovedMessage m => Prescription(outbound, now, m),
        HomeMeasurementRecordedMessage m => Reading(outbound, now, m),
        EmergencyRegisteredMessage m => EmergencyRegistered(outbound, now, m),
        EmergencyPatientIdentifiedMessage m => EmergencyIdentified(outbound, now, m),
        _ => throw new HisDeliveryException(HisFailure.Rejected, $"HL7 v2 has no mapping for '{outbound.Message.Kind}'."),
    };

    public string Time(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, zone).ToString("yyyyMMddHHmmsszzz", CultureInfo.InvariantCulture).Replace(":", string.Empty, StringComparison.Ordinal);

    private static string Date(DateOnly value) => value.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private Hl7Message Header(HisOutboundMessage outbound, DateTimeOffset now, string type, string trigger, string structure)
    {
        var message = new Hl7Message();
        message.Add("MSH")
            .Set(3, Mllp.SendingApplication)
            .Set(4, Mllp.SendingFacility)
            .Set(5, Mllp.ReceivingApplication)
            .Set(6, Mllp.ReceivingFacility)
            .Set(7, Time(now))
            .Set(9, type, trigger, structure)
            .Set(10, outbound.MessageId.ToString("N"))
            .Set(11, Mllp.ProcessingId)
            .Set(12, "2.5")
            .Set(18, "UNICODE UTF-8");
        return message;
    }

    private void Pid(Hl7Message message, HisPatientRef patient)
    {
        var ids = new List<string?[]> { new[] { patient.PatientId.ToString("N"), null, null, Ids.PortalAuthority, "PI" } };
        if (patient.HisPatientId is { } his)
        {
            ids.Add([his, null, null, Ids.HisAuthority, "PI"]);
        }

        if (patient.IdNumber is { } number)
        {
            ids.Add(patient.IdType == IdDocumentType.Passport ? [number, null, null, "PPT", "PPN"] : [number, null, null, "CHN", "NNCHN"]);
        }

        // Note: Chinese names are not split into family and given name (compound surnames make a split a guess);
        // the whole name travels in XPN-1 with name type L (legal name).
        message.Add("PID")
            .Set(1, "1")
            .SetRepetitions(3, ids)
            .Set(5, patient.FullName, null, null, null, null, null, "L")
            .Set(7, Date(patient.DateOfBirth))
            .Set(8, Sex(patient.Sex))
            .Set(13, patient.Mobile is null ? null : patient.Mobile, patient.Mobile is null ? null : "PRN", patient.Mobile is null ? null : "CP");
    }

    private static string Sex(string sex) => sex switch
    {
        "Male" => "M",
        "Female" => "F",
        _ => "U",
    };

    private Hl7Message Registered(HisOutboundMessage outbound, DateTimeOffset now)
    {
        var message = Header(outbound, now, "ADT", "A04", "ADT_A01");
        message.Add("EVN").Set(1, "A04").Set(2, Time(outbound.CreatedAt));
        Pid(message, outbound.Patient);
        message.Add("PV1").Set(1, "1").Set(2, "N");
        return message;
    }

    /// <summary>
    /// ADT^A04 for an ambulance patient accepted before arrival: patient class E, admission type E, the case id as the
    /// visit number, the expected arrival as the admit time, the chief complaint and the triage level (PV2-25). An
    /// unidentified patient is registered under a temporary id "E" + case id with the name 无名氏 (name type U).
    /// </summary>
    private Hl7Message EmergencyRegistered(HisOutboundMessage outbound, DateTimeOffset now, EmergencyRegisteredMessage registered)
    {
        var message = Header(outbound, now, "ADT", "A04", "ADT_A01");
        message.Add("EVN").Set(1, "A04").Set(2, Time(outbound.CreatedAt));
        if (outbound.Patient.IsUnidentified)
        {
            message.Add("PID")
                .Set(1, "1")
                .Set(3, TemporaryId(registered.CaseId), null, null, Ids.PortalAuthority, "PI")
                .Set(5, HisPatientRef.UnidentifiedName, null, null, null, null, null, "U")
                .Set(8, Sex(outbound.Patient.Sex));
        }
        else
        {
            Pid(message, outbound.Patient);
        }

        EmergencyVisit(message, registered.CaseId, registered.FacilityCode, registered.ExpectedArrival ?? registered.AcceptedAt);
        message.Add("PV2")
            .Set(3, null, registered.ChiefComplaint)
            .Set(25, registered.TriageLevel?.ToString(CultureInfo.InvariantCulture));
        return message;
    }

    /// <summary>ADT^A40: the identified patient (PID) absorbs the temporary identity of the emergency registration (MRG).</summary>
    private Hl7Message EmergencyIdentified(HisOutboundMessage outbound, DateTimeOffset now, EmergencyPatientIdentifiedMessage identified)
    {
        var message = Header(outbound, now, "ADT", "A40", "ADT_A39");
        message.Add("EVN").Set(1, "A40").Set(2, Time(identified.IdentifiedAt));
        Pid(message, outbound.Patient);
        message.Add("MRG")
            .Set(1, TemporaryId(identified.CaseId), null, null, Ids.PortalAuthority, "PI")
            .Set(5, identified.CaseId.ToString("N"), null, null, Ids.PortalAuthority, "VN");
        return message;
    }

    public static string TemporaryId(Guid caseId) => "E" + caseId.ToString("N");

    private void EmergencyVisit(Hl7Message message, Guid caseId, string facilityCode, DateTimeOffset expected) =>
        message.Add("PV1")
            .Set(1, "1")
            .Set(2, "E")
            .Set(3, "ED", null, null, facilityCode)
            .Set(4, "E")
            .Set(19, caseId.ToString("N"), null, null, Ids.PortalAuthority, "VN")
            .Set(44, Time(expected));

    private Hl7Message Appointment(
        HisOutboundMessage outbound,
        DateTimeOffset now,
        string trigger,
        Guid appointmentId,
        DateTimeOffset start,
        DateTimeOffset end,
        Guid doctorId,
        string? department,
        string? visitType,
        string status,
        string? reason)
    {
        var message = Header(outbound, now, "SIU", trigger, "SIU_" + trigger);
        var minutes = ((int)Math.Round((end - start).TotalMinutes)).ToString(CultureInfo.InvariantCulture);
        message.Add("SCH")
            .Set(1, appointmentId.ToString("N"), Ids.PortalAuthority)
            .Set(6, null, reason ?? status)
            .Set(8, visitType)
            .Set(9, minutes)
            .Set(10, "min")
            .Set(11, null, null, "M" + minutes, Time(start), Time(end))
            .Set(25, status);
        Pid(message, outbound.Patient);
        message.Add("PV1").Set(1, "1").Set(2, "O").Set(3, null, null, null, department);
        var action = trigger == "S12" ? "A" : "U";
        message.Add("RGS").Set(1, "1").Set(2, action);
        message.Add("AIS").Set(1, "1").Set(2, action).Set(3, department, visitType).Set(4, Time(start)).Set(7, minutes, "min");
        message.Add("AIP").Set(1, "1").Set(2, action).Set(3, doctorId.ToString("N"), null, null, null, null, null, null, null, Ids.PortalAuthority).Set(4, "D", "Doctor");
        return message;
    }

    private Hl7Message Cancelled(HisOutboundMessage outbound, DateTimeOffset now, AppointmentCancelledMessage cancelled)
    {
        var message = Header(outbound, now, "SIU", "S15", "SIU_S15");
        message.Add("SCH")
            .Set(1, cancelled.AppointmentId.ToString("N"), Ids.PortalAuthority)
            .Set(6, null, cancelled.Reason)
            .Set(25, "Cancelled");
        Pid(message, outbound.Patient);
        message.Add("RGS").Set(1, "1").Set(2, "D");
        return message;
    }

    private Hl7Message EncounterNote(HisOutboundMessage outbound, DateTimeOffset now, EncounterCompletedMessage encounter)
    {
        var message = Header(outbound, now, "MDM", "T02", "MDM_T02");
        message.Add("EVN").Set(1, "T02").Set(2, Time(encounter.CompletedAt));
        Pid(message, outbound.Patient);
        message.Add("PV1").Set(1, "1").Set(2, "O").Set(19, encounter.EncounterId.ToString("N"), null, null, Ids.PortalAuthority).Set(45, Time(encounter.CompletedAt));
        message.Add("TXA")
            .Set(1, "1")
            .Set(2, "PN")
            .Set(3, "TX")
            .Set(4, Time(encounter.CompletedAt))
            .Set(5, encounter.DoctorId.ToString("N"), null, null, null, null, null, null, null, Ids.PortalAuthority)
            .Set(12, encounter.EncounterId.ToString("N"), Ids.PortalAuthority)
            .Set(13, encounter.AppointmentId.ToString("N"), Ids.PortalAuthority)
            .Set(16, "sha256:" + encounter.NoteHash)
            .Set(17, "LA");

        // The note, one repetition per line (a line break cannot travel inside an HL7 value).
        var lines = HisText.Lines(encounter.Note);
        message.Add("OBX").Set(1, "1").Set(2, "TX").Set(3, "11506-3", "Progress note", "LN").SetRepetitions(5, lines.Select(l => new string?[] { l })).Set(11, "F");
        var set = 1;
        foreach (var diagnosis in encounter.Diagnoses)
        {
            set++;
            message.Add("OBX").Set(1, set.ToString(CultureInfo.InvariantCulture)).Set(2, "CWE").Set(3, "29548-5", "Diagnosis", "LN")
                .Set(5, diagnosis.Icd10Code, diagnosis.Description, "I10").Set(11, "F");
        }

        return message;
    }

    private Hl7Message Prescription(HisOutboundMessage outbound, DateTimeOffset now, PrescriptionApprovedMessage prescription)
    {
        var message = Header(outbound, now, "RDE", "O11", "RDE_O11");
        Pid(message, outbound.Patient);
        message.Add("PV1").Set(1, "1").Set(2, "O");
        var line = 0;
        foreach (var item in prescription.Lines)
        {
            line++;
            var (doseAmount, doseUnit) = HisText.AmountAndUnit(item.Dose);
            var (strength, strengthUnit) = HisText.AmountAndUnit(item.Strength);
            message.Add("ORC")
                .Set(1, "NW")
                .Set(2, $"{prescription.PrescriptionId:N}-{line}", Ids.PortalAuthority)
                .Set(4, prescription.PrescriptionId.ToString("N"), Ids.PortalAuthority)
                .Set(9, Time(prescription.ApprovedAt))
                .Set(11, prescription.PharmacistAccountId.ToString("N"), null, null, null, null, null, null, null, Ids.PortalAuthority)
                .Set(12, prescription.DoctorId.ToString("N"), null, null, null, null, null, null, null, Ids.PortalAuthority);
            message.Add("RXE")
                .Set(1, null, item.Frequency, "D" + item.DaysSupply.ToString(CultureInfo.InvariantCulture))
                .Set(2, item.DrugCode, item.DrugName, "IH-DRUG")
                .Set(3, doseAmount)
                .Set(5, doseUnit)
                .Set(10, item.Quantity.ToString(CultureInfo.InvariantCulture))
                .Set(21, $"{item.Dose} {item.Frequency}")
                .Set(25, strength)
                .Set(26, strengthUnit);
            message.Add("RXR").Set(1, item.Route, item.Route);
        }

        return message;
    }

    /// <summary>
    /// A home reading as an unsolicited result: OBR names the panel (LOINC) and the time it was taken; each value is a
    /// numeric OBX with UCUM units and the portal's judgement as the abnormal flag (N, A, AA). OBR-3 is the reading's id; OBR-13 says when glucose was taken.
    /// </summary>
    private Hl7Message Reading(HisOutboundMessage outbound, DateTimeOffset now, HomeMeasurementRecordedMessage reading)
    {
        (string Code, string Text, decimal? Value, string Unit)[] values = reading.Measured switch
        {
            "BloodPressure" =>
            [
                ("8480-6", "Systolic blood pressure", reading.Systolic, "mm[Hg]"),
                ("8462-4", "Diastolic blood pressure", reading.Diastolic, "mm[Hg]"),
                ("8867-4", "Heart rate", reading.HeartRate, "/min"),
            ],
            "HeartRate" => [("8867-4", "Heart rate", reading.HeartRate, "/min")],
            "BloodGlucose" => [("14743-9", "Glucose [Moles/volume] in Capillary blood by Glucometer", reading.GlucoseMmolPerLitre, "mmol/L")],
            "Weight" => [("29463-7", "Body weight", reading.WeightKg, "kg")],
            _ => throw new HisDeliveryException(HisFailure.Rejected, $"HL7 v2 has no mapping for a '{reading.Measured}' reading."),
        };
        var (panelCode, panelText) = reading.Measured == "BloodPressure" ? ("85354-9", "Blood pressure panel") : (values[0].Code, values[0].Text);
        var taken = Time(reading.MeasuredAt);
        var flag = Fhir.FhirResourceMapper.Interpretation(reading.Flag);

        var message = Header(outbound, now, "ORU", "R01", "ORU_R01");
        Pid(message, outbound.Patient);
        message.Add("OBR")
            .Set(1, "1")
            .Set(3, reading.MeasurementId.ToString("N"), Ids.PortalAuthority)
            .Set(4, panelCode, panelText, "LN")
            .Set(7, taken)
            .Set(13, reading.GlucoseTiming switch { "Fasting" => "Fasting", "AfterMeal" => "Two hours after a meal", _ => null })
            .Set(25, "F");
        var set = 0;
        foreach (var (code, text, value, unit) in values.Where(v => v.Value is not null))
        {
            set++;
            message.Add("OBX")
                .Set(1, set.ToString(CultureInfo.InvariantCulture))
                .Set(2, "NM")
                .Set(3, code, text, "LN")
                .Set(5, value!.Value.ToString(CultureInfo.InvariantCulture))
                .Set(6, unit, null, "UCUM")
                .Set(8, flag)
                .Set(11, "F")
                .Set(14, taken);
        }

        return message;
    }
}
