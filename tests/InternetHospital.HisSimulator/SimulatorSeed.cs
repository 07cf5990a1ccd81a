using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using ResidentIdNumber = InternetHospital.Domain.Patients.ResidentIdNumber;

namespace InternetHospital.HisSimulator;

/// <summary>
/// The simulator's hospital: the same two demo patients the portal seeds (张伟 with hypertension diagnosed in person
/// two months ago, on amlodipine, allergic to penicillin; 王秀英 without history), as FHIR R4 resources.
/// Identifier systems are the portal's defaults (see "Connecting your HIS" in the README).
/// </summary>
public static class SimulatorSeed
{
    public const string ResidentIdSystem = "urn:oid:2.16.156.10011.1.3";
    public const string MrnSystem = "urn:his:mrn";
    public const string Icd10System = "http://hl7.org/fhir/sid/icd-10";

    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static readonly string ZhangWeiResidentId = WithCheck("44010619650312123");
    public static readonly string WangXiuyingResidentId = WithCheck("11010519580820246");

    public static void Apply(SimulatorStore store, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        AddPatient(store, "H0000001", "MR2019000123", "张伟", new DateOnly(1965, 3, 12), AdministrativeGender.Male, ZhangWeiResidentId);
        AddPatient(store, "H0000002", "MR2024000456", "王秀英", new DateOnly(1958, 8, 20), AdministrativeGender.Female, WangXiuyingResidentId);

        var visit = new Encounter
        {
            Id = "E-H0000001-1",
            Status = Encounter.EncounterStatus.Finished,
            Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"),
            Subject = new ResourceReference("Patient/H0000001"),
            ServiceType = new CodeableConcept("urn:his:department", "CARD", "心血管内科"),
            Participant = [new Encounter.ParticipantComponent { Individual = new ResourceReference { Display = "李伟" } }],
            Period = new Period { StartElement = new FhirDateTime(new DateTimeOffset(today.AddMonths(-2).ToDateTime(new TimeOnly(1, 30)), TimeSpan.Zero)) },
            ReasonCode = [new CodeableConcept { Text = "高血压复诊，血压控制可 Hypertension review, controlled" }],
        };
        Put(store, visit);
        Put(store, Condition("C-1", "I10", "原发性高血压 Essential (primary) hypertension", today.AddMonths(-2), "Encounter/" + visit.Id));
        Put(store, Condition("C-2", "E78.5", "高脂血症 Hyperlipidaemia, unspecified", today.AddMonths(-14), "Encounter/" + visit.Id));
        Put(store, Medication("MR-1", "C08CA01-5", "氨氯地平 Amlodipine", 5, "qd", today.AddYears(-2), MedicationRequest.MedicationrequestStatus.Active));
        Put(store, Medication("MR-2", "C10AA05-20", "阿托伐他汀 Atorvastatin", 20, "qn", today.AddMonths(-14), MedicationRequest.MedicationrequestStatus.Active));
        Put(store, Medication("MR-3", "A02BC01-20", "奥美拉唑 Omeprazole", 20, "qd", today.AddMonths(-8), MedicationRequest.MedicationrequestStatus.Completed));
        Put(store, Dispense("MD-1", "MR-1", today.AddDays(-25)));
        Put(store, Dispense("MD-2", "MR-2", today.AddDays(-25)));
        Put(store, new AllergyIntolerance
        {
            Id = "A-1",
            Patient = new ResourceReference("Patient/H0000001"),
            Code = new CodeableConcept { Text = "青霉素 Penicillin" },
            RecordedDate = today.AddYears(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Reaction = [new AllergyIntolerance.ReactionComponent { Manifestation = [new CodeableConcept { Text = "皮疹 Rash" }], Severity = AllergyIntolerance.AllergyIntoleranceSeverity.Moderate }],
        });
    }

    /// <summary>Adds a HIS patient (tests make their own, for identity matching).</summary>
    public static void AddPatient(SimulatorStore store, string id, string mrn, string name, DateOnly birthDate, AdministrativeGender gender, string residentId) =>
        Put(store, new Patient
        {
            Id = id,
            Identifier =
            [
                new Identifier(MrnSystem, mrn) { Use = Identifier.IdentifierUse.Usual },
                new Identifier(ResidentIdSystem, residentId) { Use = Identifier.IdentifierUse.Official },
            ],
            Name = [new HumanName { Text = name, Use = HumanName.NameUse.Official }],
            Gender = gender,
            BirthDate = birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

    /// <summary>Adds a diagnosis for a HIS patient (made in person).</summary>
    public static void AddCondition(SimulatorStore store, string patientId, string id, string icd10, string text, DateOnly recorded) =>
        Put(store, Condition(id, icd10, text, recorded, null, patientId));

    public static void Put(SimulatorStore store, Resource resource) =>
        store.Put((JsonObject)JsonNode.Parse(JsonSerializer.Serialize(resource, resource.GetType(), Fhir))!);

    private static Condition Condition(string id, string code, string text, DateOnly recorded, string? encounter, string patientId = "H0000001") => new()
    {
        Id = id,
        ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
        Code = new CodeableConcept(Icd10System, code, text, text),
        Subject = new ResourceReference("Patient/" + patientId),
        Encounter = encounter is null ? null : new ResourceReference(encounter),
        RecordedDate = recorded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Asserter = new ResourceReference { Display = "李伟" },
    };

    private static MedicationRequest Medication(string id, string code, string name, int milligrams, string frequency, DateOnly authored, MedicationRequest.MedicationrequestStatus status) => new()
    {
        Id = id,
        Status = status,
        Intent = MedicationRequest.MedicationRequestIntent.Order,
        Contained =
        [
            new Medication
            {
                Id = "med",
                Code = new CodeableConcept("urn:his:drug", code, name),
                Ingredient = [new Medication.IngredientComponent { Item = new CodeableConcept { Text = name }, Strength = new Ratio(new Quantity(milligrams, "mg"), new Quantity(1, "tablet")) }],
            },
        ],
        Medication = new ResourceReference("#med"),
        Subject = new ResourceReference("Patient/H0000001"),
        AuthoredOn = authored.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Requester = new ResourceReference { Display = "李伟" },
        DosageInstruction =
        [
            new Dosage
            {
                Timing = new Timing { Code = new CodeableConcept { Text = frequency } },
                Route = new CodeableConcept { Text = "oral" },
                DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = new Quantity(milligrams, "mg") }],
            },
        ],
        DispenseRequest = new MedicationRequest.DispenseRequestComponent { ExpectedSupplyDuration = new Duration { Value = 28, Unit = "d", System = "http://unitsofmeasure.org", Code = "d" } },
    };

    private static MedicationDispense Dispense(string id, string request, DateOnly handedOver) => new()
    {
        Id = id,
        Status = MedicationDispense.MedicationDispenseStatusCodes.Completed,
        Medication = new CodeableConcept { Text = request },
        Subject = new ResourceReference("Patient/H0000001"),
        AuthorizingPrescription = [new ResourceReference("MedicationRequest/" + request)],
        WhenHandedOver = handedOver.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static string WithCheck(string first17) => first17 + ResidentIdNumber.CheckCharacterFor(first17);
}
