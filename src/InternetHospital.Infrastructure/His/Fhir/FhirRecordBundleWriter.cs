using System.Globalization;
using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using InternetHospital.Application.Results;
using InternetHospital.Domain.Results;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.His.Fhir;

/// <summary>
/// "My record" as a FHIR R4 Bundle of type <c>collection</c>: Patient, Condition, MedicationStatement,
/// AllergyIntolerance, Encounter (the HIS's and the portal's online visits), Composition (each signed visit note, with
/// the hash the signature covers), DiagnosticReport and Observation. Entries are linked by <c>urn:uuid:</c> references.
/// </summary>
internal sealed class FhirRecordBundleWriter(IOptions<HisOptions> options) : IRecordBundleWriter
{
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions { WriteIndented = true }.ForFhir(ModelInfo.ModelInspector);

    private HisIdentifierOptions Ids => options.Value.Identifiers;

    public string Write(PatientRecord record) => JsonSerializer.Serialize(Build(record, Ids), Json);

    public static Bundle Build(PatientRecord record, HisIdentifierOptions ids)
    {
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString(),
            Type = Bundle.BundleType.Collection,
            Timestamp = record.GeneratedAt,
        };

        void Add(Resource resource, Guid id)
        {
            resource.Id = id.ToString();
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = Urn(id), Resource = resource });
        }

        var patientRef = new ResourceReference(Urn(record.PatientId), record.FullName);
        var patient = new Patient
        {
            Identifier = [new Identifier(ids.PortalSystem("patient"), record.PatientId.ToString())],
            Name = [new HumanName { Use = HumanName.NameUse.Official, Text = record.FullName }],
            BirthDate = record.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Gender = record.Sex switch
            {
                "Male" => AdministrativeGender.Male,
                "Female" => AdministrativeGender.Female,
                _ => AdministrativeGender.Unknown,
            },
        };
        if (record.HisPatientId is { } his)
        {
            patient.Identifier.Add(new Identifier(ids.PortalSystem("his-patient"), his));
        }

        Add(patient, record.PatientId);

        foreach (var d in record.Diagnoses)
        {
            Add(new Condition
            {
                ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
                VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
                Code = new CodeableConcept(FhirResourceMapper.Icd10System, d.Icd10Code, d.Description, d.Description),
                Subject = patientRef,
                RecordedDate = Date(d.DiagnosedOn),
                Asserter = d.Practitioner is null ? null : new ResourceReference { Display = d.Practitioner },
            }, Guid.NewGuid());
        }

        foreach (var m in record.Medications)
        {
            Add(new MedicationStatement
            {
                Status = m.Active ? MedicationStatement.MedicationStatusCodes.Active : MedicationStatement.MedicationStatusCodes.Completed,
                Medication = new CodeableConcept { Text = $"{m.DrugName} {m.Strength}".Trim() },
                Subject = patientRef,
                Effective = new Period { Start = Date(m.StartedOn) },
                InformationSource = m.Prescriber is null ? null : new ResourceReference { Display = m.Prescriber },
                Dosage = [new Dosage { Text = string.Join(' ', new[] { m.Dose, m.Frequency, m.Route }.Where(s => s.Length > 0)) }],
            }, Guid.NewGuid());
        }

        foreach (var a in record.Allergies)
        {
            var allergy = new AllergyIntolerance
            {
                ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active"),
                Code = new CodeableConcept { Text = a.Substance },
                Patient = patientRef,
                RecordedDate = a.RecordedOn is { } on ? Date(on) : null,
            };
            if (a.Reaction.Length > 0)
            {
                allergy.Reaction.Add(new AllergyIntolerance.ReactionComponent { Manifestation = [new CodeableConcept { Text = a.Reaction }] });
            }

            Add(allergy, Guid.NewGuid());
        }

        foreach (var e in record.HisEncounters)
        {
            Add(new Encounter
            {
                Status = Encounter.EncounterStatus.Finished,
                Class = EncounterClass(e.Kind),
                Subject = patientRef,
                Period = new Period { StartElement = new FhirDateTime(e.Start) },
                ReasonCode = e.Summary is null ? [] : [new CodeableConcept { Text = e.Summary }],
                Participant = e.Practitioner is null ? [] : [new Encounter.ParticipantComponent { Individual = new ResourceReference { Display = e.Practitioner } }],
            }, Guid.NewGuid());
        }

        foreach (var v in record.Visits)
        {
            var encounterRef = new ResourceReference(Urn(v.VisitId));
            Add(new Encounter
            {
                Identifier = [new Identifier(ids.PortalSystem("encounter"), v.VisitId.ToString())],
                Status = Encounter.EncounterStatus.Finished,
                Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "VR", "virtual"),
                Subject = patientRef,
                Period = new Period { StartElement = new FhirDateTime(v.Start), EndElement = v.End is { } end ? new FhirDateTime(end) : null },
                Participant = [new Encounter.ParticipantComponent { Individual = new ResourceReference { Display = v.DoctorName } }],
                ReasonCode = v.Diagnoses.Select(d => new CodeableConcept(FhirResourceMapper.Icd10System, d.Icd10Code, d.Description, d.Description)).ToList(),
            }, v.VisitId);

            var note = new Composition
            {
                Identifier = new Identifier(ids.PortalSystem("note-sha256"), v.ContentHash),
                Status = CompositionStatus.Final,
                Type = new CodeableConcept(FhirResourceMapper.LoincSystem, "11506-3", "Progress note"),
                Subject = patientRef,
                Encounter = encounterRef,
                DateElement = new FhirDateTime(v.SignedAt),
                Author = [new ResourceReference { Display = v.SignedByName }],
                Title = "Visit note",
                Attester = [new Composition.AttesterComponent { Mode = Composition.CompositionAttestationMode.Legal, TimeElement = new FhirDateTime(v.SignedAt), Party = new ResourceReference { Display = v.SignedByName } }],
            };
            foreach (var (title, text) in new[] { ("Chief complaint", v.ChiefComplaint), ("History", v.History), ("Assessment", v.Assessment), ("Plan", v.Plan), ("Follow-up advice", v.FollowUpAdvice) })
            {
                if (text.Length > 0)
                {
                    note.Section.Add(new Composition.SectionComponent { Title = title, Text = NoteText(text) });
                }
            }

            Add(note, Guid.NewGuid());
        }

        foreach (var report in record.LabReports)
        {
            var results = new List<ResourceReference>();
            foreach (var o in report.Observations.OrderBy(o => o.Sequence))
            {
                var observation = new Observation
                {
                    Status = report.Status == "corrected" ? ObservationStatus.Corrected : report.Status == "preliminary" ? ObservationStatus.Preliminary : ObservationStatus.Final,
                    Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory")],
                    Code = Concept(o.Code, o.CodeSystem, o.Name),
                    Subject = patientRef,
                    Effective = new FhirDateTime(o.ObservedAt ?? report.IssuedAt),
                    Value = o.Value is { } number ? new Quantity { Value = number, Unit = o.Unit } : o.ValueText is { } text ? new FhirString(text) : null,
                };
                if (Interpretation(o.Flag) is { } flag)
                {
                    observation.Interpretation.Add(new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", flag));
                }

                if (o.Low is not null || o.High is not null || o.RangeText is not null)
                {
                    observation.ReferenceRange.Add(new Observation.ReferenceRangeComponent
                    {
                        Low = o.Low is { } low ? new Quantity { Value = low, Unit = o.Unit } : null,
                        High = o.High is { } high ? new Quantity { Value = high, Unit = o.Unit } : null,
                        Text = o.Low is null && o.High is null ? o.RangeText : null,
                    });
                }

                Add(observation, o.Id);
                results.Add(new ResourceReference(Urn(o.Id)));
            }

            Add(new DiagnosticReport
            {
                Identifier = [new Identifier(ids.PortalSystem("his-report"), report.SourceId)],
                Status = report.Status switch
                {
                    "corrected" => DiagnosticReport.DiagnosticReportStatus.Corrected,
                    "preliminary" => DiagnosticReport.DiagnosticReportStatus.Preliminary,
                    _ => DiagnosticReport.DiagnosticReportStatus.Final,
                },
                Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0074", "LAB")],
                Code = Concept(report.Code, report.CodeSystem, report.Name),
                Subject = patientRef,
                Effective = new FhirDateTime(report.IssuedAt),
                Issued = report.IssuedAt,
                Result = results,
            }, report.Id);
        }

        // Note: a reference to the images (the PACS's study UID, as DICOM identifies it), not the images themselves.
        foreach (var study in record.ImagingStudies)
        {
            var imaging = new ImagingStudy
            {
                Status = ImagingStudy.ImagingStudyStatus.Available,
                Subject = patientRef,
                Started = study.StudyDate is { } started ? Date(started) : null,
                Description = study.Description,
                NumberOfSeries = study.SeriesCount,
                NumberOfInstances = study.InstanceCount,
            };
            imaging.Identifier.Add(new Identifier("urn:dicom:uid", "urn:oid:" + study.StudyInstanceUid));
            if (study.AccessionNumber is { Length: > 0 } accession)
            {
                imaging.Identifier.Add(new Identifier { Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0203", "ACSN"), Value = accession });
            }

            foreach (var modality in (study.Modalities ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                imaging.Modality.Add(new Coding("http://dicom.nema.org/resources/ontology/DCM", modality));
            }

            Add(imaging, Guid.NewGuid());
        }

        return bundle;
    }

    private static string Urn(Guid id) => "urn:uuid:" + id;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Narrative NoteText(string text) => new()
    {
        Status = Hl7.Fhir.Model.Narrative.NarrativeStatus.Generated,
        Div = $"<div xmlns=\"http://www.w3.org/1999/xhtml\">{string.Join("<br/>", HisText.Lines(text).Select(WebUtility.HtmlEncode))}</div>",
    };

    private static CodeableConcept Concept(string code, string? system, string name)
    {
        var loinc = LabCatalogue.LoincOf(code, system);
        var concept = new CodeableConcept { Text = name };
        if (system is not null && !string.Equals(system, LabCatalogue.LoincSystem, StringComparison.OrdinalIgnoreCase) && Uri.IsWellFormedUriString(system, UriKind.Absolute))
        {
            concept.Coding.Add(new Coding(system, code, name));
        }

        if (loinc is not null)
        {
            concept.Coding.Add(new Coding(FhirResourceMapper.LoincSystem, loinc));
        }
        else if (concept.Coding.Count == 0)
        {
            concept.Coding.Add(new Coding { Code = code, Display = name });
        }

        return concept;
    }

    private static string? Interpretation(LabFlag flag) => flag switch
    {
        LabFlag.Low => "L",
        LabFlag.High => "H",
        LabFlag.CriticalLow => "LL",
        LabFlag.CriticalHigh => "HH",
        LabFlag.Abnormal => "A",
        LabFlag.Critical => "AA",
        _ => "N",
    };

    private static Coding EncounterClass(string kind) => kind switch
    {
        "inpatient" => new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter"),
        "emergency" => new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "EMER", "emergency"),
        "virtual" => new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "VR", "virtual"),
        "home" => new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "HH", "home health"),
        _ => new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"),
    };
}
