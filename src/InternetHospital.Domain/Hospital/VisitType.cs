namespace InternetHospital.Domain.Hospital;

/// <summary>How a patient meets the doctor. Video visits are follow-ups only (domain rule 1).</summary>
public enum VisitType
{
    InPerson = 1,
    Video = 2,
}
