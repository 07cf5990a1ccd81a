using System.Globalization;
using Hl7.Fhir.Model;
using InternetHospital.Application.His;

namespace InternetHospital.Infrastructure.His.Fhir;

/// <summary>Maps what a FHIR R4 server holds to the portal's read model (the other direction of <see cref="FhirResourceMapper"/>).</summary>
internal sealed class FhirReadMapper(HisIdentifierOptions ids)
{
    /// <summary>Encounter classes (v3 ActCode) that are not face to face; anything else counts as in person.</summary>
    private static readonly HashSet<string> RemoteClasses = new(StringComparer.OrdinalIgnoreCase) { "VR" };

    public HisPatient Patient(Patient patient) => new(
        patient.Id ?? string.Empty,
        patient.Identifier.FirstOrDefault(i => i.System == ids.MedicalRecordNumberSystem)?.Value ?? string.Empty,
        Name(patient.Name),
        ParseDate(patient.BirthDate) ?? DateOnly.MinValue,
        patient.Gender switch
        {
            AdministrativeGender.Male => "Male",
            AdministrativeGender.Female => "Female",
            _ => "Unknown",
        });

    public HisDiagnosis Diagnosis(Condition condition, IReadOnlyDictionary<string, Encounter> encounters)
    {
        var coding = condition.Code?.Coding.FirstOrDefault(c => c.System == FhirResourceMapper.Icd10System) ?? condition.Code?.Coding.FirstOrDefault();
        var encounter = condition.Encounter?.Reference is { } reference && encounters.TryGetValue(reference, out var found) ? found : null;
        var diagnosedOn = ParseDate(condition.RecordedDate) ?? ParseDate((condition.Onset as FhirDateTime)?.Value) ?? DateOnly.MinValue;
        return new HisDiagnosis(
            coding?.Code ?? string.Empty,
            condition.Code?.Text ?? coding?.Display ?? string.Empty,
            diagnosedOn,
            InPerson: encounter?.Class?.Code is { } cls && !RemoteClasses.Contains(cls),
            Department(encounter),
            condition.Asserter?.Display ?? condition.Recorder?.Display);
    }

    public HisMedication Medication(MedicationRequest request, IReadOnlyList<MedicationDispense> dispenses)
    {
        var (code, name, strength) = Drug(request.Medication, request.Contained);
        var dosage = request.DosageInstruction.FirstOrDefault();
        var reference = "MedicationRequest/" + request.Id;
        var lastDispensed = dispenses
            .Where(d => d.AuthorizingPrescription.Any(p => p.Reference == reference))
            .Select(d => ParseDate(d.WhenHandedOver))
            .Max();
        return new HisMedication(
            code,
            name,
            strength,
            Dose(dosage),
            Frequency(dosage),
            Route(dosage),
            request.Requester?.Display,
            ParseDate(request.AuthoredOn) ?? DateOnly.MinValue,
            lastDispensed,
            request.DispenseRequest?.ExpectedSupplyDuration?.Value is { } days ? (int)days : null,
            request.Status == MedicationRequest.MedicationrequestStatus.Active);
    }

    public HisMedication Medication(MedicationStatement statement)
    {
        var (code, name, strength) = Drug(statement.Medication, statement.Contained);
        var dosage = statement.Dosage.FirstOrDefault();
        var started = statement.Effective switch
        {
            Period period => ParseDate(period.Start),
            FhirDateTime when_ => ParseDate(when_.Value),
            _ => null,
        };
        return new HisMedication(
            code,
            name,
            strength,
            Dose(dosage),
            Frequency(dosage),
            Route(dosage),
            statement.InformationSource?.Display,
            started ?? ParseDate(statement.DateAsserted) ?? DateOnly.MinValue,
            null,
            null,
            statement.Status == MedicationStatement.MedicationStatusCodes.Active);
    }

    public static HisAllergy Allergy(AllergyIntolerance allergy)
    {
        var reaction = allergy.Reaction.FirstOrDefault();
        var manifestation = reaction?.Manifestation.FirstOrDefault();
        return new HisAllergy(
            allergy.Code?.Text ?? allergy.Code?.Coding.FirstOrDefault()?.Display ?? string.Empty,
            manifestation?.Text ?? manifestation?.Coding.FirstOrDefault()?.Display ?? string.Empty,
            reaction?.Severity?.ToString().ToLowerInvariant() ?? allergy.Criticality?.ToString().ToLowerInvariant() ?? string.Empty,
            ParseDate(allergy.RecordedDate));
    }

    public static HisEncounter Encounter(Encounter encounter) => new(
        encounter.Id ?? string.Empty,
        encounter.Period?.StartElement?.ToDateTimeOffset(TimeSpan.Zero) ?? DateTimeOffset.MinValue,
        encounter.Class?.Code?.ToUpperInvariant() switch
        {
            "AMB" => "outpatient",
            "IMP" => "inpatient",
            "EMER" => "emergency",
            "VR" => "virtual",
            "HH" => "home",
            { } other => other.ToLowerInvariant(),
            null => "unknown",
        },
        Department(encounter),
        encounter.Participant.FirstOrDefault()?.Individual?.Display,
        encounter.ReasonCode.FirstOrDefault()?.Text);

    /// <summary>
    /// A DiagnosticReport and its result Observations. The ordering doctor is the requester of the ServiceRequest the
    /// report is based on (contained or included), identified by the practitioner licence identifier.
    /// </summary>
    public HisLabReport LabReport(DiagnosticReport report, IReadOnlyDictionary<string, Observation> observations)
    {
        var (code, system, name) = Concept(report.Code);
        var order = report.BasedOn.Select(b => b.Reference is { } r && r.StartsWith('#') ? report.Contained.OfType<ServiceRequest>().FirstOrDefault(s => s.Id == r[1..]) : null).FirstOrDefault(s => s is not null);
        var requester = order?.Requester;
        var values = report.Result
            .Select(r => r.Reference is { } reference && observations.TryGetValue(reference, out var found) ? found
                : r.Reference is { } local && local.StartsWith('#') ? report.Contained.OfType<Observation>().FirstOrDefault(o => o.Id == local[1..]) : null)
            .OfType<Observation>()
            .Select(LabObservation)
            .ToList();
        return new HisLabReport(
            report.Id ?? string.Empty,
            code,
            system,
            name,
            report.Status switch
            {
                DiagnosticReport.DiagnosticReportStatus.Corrected or DiagnosticReport.DiagnosticReportStatus.Amended or DiagnosticReport.DiagnosticReportStatus.Appended => "corrected",
                DiagnosticReport.DiagnosticReportStatus.Final => "final",
                _ => "preliminary",
            },
            report.IssuedElement?.Value ?? (report.Effective as FhirDateTime)?.ToDateTimeOffset(TimeSpan.Zero) ?? DateTimeOffset.MinValue,
            requester?.Identifier?.Value,
            requester?.Display,
            values);
    }

    /// <summary>
    /// A radiology report: its conclusion (else the text of its code), the study it is about by the ImagingStudy
    /// reference's DICOM UID identifier (<c>urn:oid:...</c>) or the report's accession number identifier (type ACSN),
    /// and the interpreting radiologist. A report without a conclusion to show is left out (null).
    /// </summary>
    public static HisImagingReport? ImagingReport(DiagnosticReport report)
    {
        var conclusion = report.Conclusion ?? report.ConclusionCode.FirstOrDefault()?.Text;
        if (string.IsNullOrWhiteSpace(conclusion))
        {
            return null;
        }

        var studyUid = report.ImagingStudy.Select(s => s.Identifier?.Value).FirstOrDefault(v => v is not null && v.StartsWith("urn:oid:", StringComparison.Ordinal))?["urn:oid:".Length..];
        var accession = report.Identifier.FirstOrDefault(i => i.Type?.Coding.Any(c => c.Code == "ACSN") == true)?.Value;
        return new HisImagingReport(
            report.Id ?? string.Empty,
            studyUid,
            accession,
            conclusion.Trim(),
            report.IssuedElement?.Value ?? (report.Effective as FhirDateTime)?.ToDateTimeOffset(TimeSpan.Zero) ?? DateTimeOffset.MinValue,
            report.ResultsInterpreter.FirstOrDefault()?.Display ?? report.Performer.FirstOrDefault()?.Display,
            report.Status switch
            {
                DiagnosticReport.DiagnosticReportStatus.Corrected or DiagnosticReport.DiagnosticReportStatus.Amended or DiagnosticReport.DiagnosticReportStatus.Appended => "corrected",
                DiagnosticReport.DiagnosticReportStatus.Final => "final",
                _ => "preliminary",
            });
    }

    private static HisLabObservation LabObservation(Observation observation)
    {
        var (code, system, name) = Concept(observation.Code);
        var range = observation.ReferenceRange.FirstOrDefault();
        var quantity = observation.Value as Quantity;
        return new HisLabObservation(
            code,
            system,
            name,
            quantity?.Value,
            observation.Value switch
            {
                FhirString text => text.Value,
                CodeableConcept concept => concept.Text ?? concept.Coding.FirstOrDefault()?.Display,
                _ => null,
            },
            quantity?.Unit ?? quantity?.Code,
            range?.Low?.Value,
            range?.High?.Value,
            range?.Text,
            observation.Interpretation.SelectMany(i => i.Coding).FirstOrDefault()?.Code,
            (observation.Effective as FhirDateTime)?.ToDateTimeOffset(TimeSpan.Zero));
    }

    /// <summary>The LOINC coding when there is one (system "LN"), else the first coding as the HIS's local code.</summary>
    private static (string Code, string? System, string Name) Concept(CodeableConcept? concept)
    {
        var loinc = concept?.Coding.FirstOrDefault(c => c.System == FhirResourceMapper.LoincSystem);
        var coding = loinc ?? concept?.Coding.FirstOrDefault();
        var system = loinc is not null ? Application.Results.LabCatalogue.LoincSystem : coding?.System;
        return (coding?.Code ?? string.Empty, system, concept?.Text ?? coding?.Display ?? coding?.Code ?? string.Empty);
    }

    private static string? Department(Encounter? encounter) =>
        encounter?.ServiceType?.Coding.FirstOrDefault()?.Code ?? encounter?.ServiceType?.Text;

    private static (string Code, string Name, string Strength) Drug(DataType? medication, List<Resource> contained)
    {
        var concept = medication as CodeableConcept;
        var strength = string.Empty;
        if (medication is ResourceReference { Reference: { } reference } && reference.StartsWith('#'))
        {
            var resource = contained.OfType<Medication>().FirstOrDefault(m => m.Id == reference[1..]);
            concept = resource?.Code;
            var numerator = resource?.Ingredient.FirstOrDefault()?.Strength?.Numerator;
            if (numerator?.Value is { } value)
            {
                strength = $"{value.ToString(CultureInfo.InvariantCulture)} {numerator.Unit}".Trim();
            }
        }

        var coding = concept?.Coding.FirstOrDefault();
        return (coding?.Code ?? string.Empty, coding?.Display ?? concept?.Text ?? string.Empty, strength);
    }

    private static string Dose(Dosage? dosage) =>
        dosage?.DoseAndRate.FirstOrDefault()?.Dose is Quantity { Value: { } value } quantity
            ? $"{value.ToString(CultureInfo.InvariantCulture)} {quantity.Unit}".Trim()
            : dosage?.Text ?? string.Empty;

    private static string Frequency(Dosage? dosage) =>
        dosage?.Timing?.Code?.Text ?? dosage?.Timing?.Code?.Coding.FirstOrDefault()?.Code ?? string.Empty;

    private static string Route(Dosage? dosage) =>
        dosage?.Route?.Text ?? dosage?.Route?.Coding.FirstOrDefault()?.Display ?? string.Empty;

    private static string Name(List<HumanName> names)
    {
        var name = names.FirstOrDefault(n => n.Use == HumanName.NameUse.Official) ?? names.FirstOrDefault();
        if (name is null)
        {
            return string.Empty;
        }

        if (!string.IsNullOrEmpty(name.Text))
        {
            return name.Text;
        }

        // Chinese names are written family name first, without a space.
        var given = string.Concat(name.Given);
        return name.Family + given;
    }

    /// <summary>FHIR dates may be partial ("1965", "1965-03"); the first day of the period is taken.</summary>
    public static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var date = value.Length >= 10 ? value[..10] : value.Length == 7 ? value + "-01" : value.Length == 4 ? value + "-01-01" : value;
        return DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
    }
}
