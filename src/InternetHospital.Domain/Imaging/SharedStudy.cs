using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Imaging;

/// <summary>
/// An imaging study from outside the hospital (a CD from another hospital, a clinic's upload) stored in the PACS for
/// this patient. Hospital studies are found in the PACS by the patient's HIS id; an outside study keeps its own
/// Patient ID, so this row is what makes it the patient's. The PACS stays the system of record for the images.
/// </summary>
public sealed class SharedStudy
{
    public const int MaxDescriptionLength = 200;

    private SharedStudy()
    {
        StudyInstanceUid = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }

    /// <summary>DICOM UIDs are at most 64 characters (PS3.5 9.1).</summary>
    public string StudyInstanceUid { get; private set; }

    /// <summary>The consultation it was shared for, when there is one.</summary>
    public Guid? AppointmentId { get; private set; }

    public Guid SharedByAccountId { get; private set; }
    public DateTimeOffset SharedAt { get; private set; }
    public string? Description { get; private set; }
    public int InstanceCount { get; private set; }

    public static SharedStudy Share(Guid patientId, string studyInstanceUid, Guid? appointmentId, Guid sharedBy, string? description, int instanceCount, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        PatientId = patientId,
        StudyInstanceUid = studyInstanceUid,
        AppointmentId = appointmentId,
        SharedByAccountId = sharedBy,
        SharedAt = now,
        Description = Truncate(description),
        InstanceCount = instanceCount,
    };

    /// <summary>More instances of the same study shared again (a second upload of the rest of a CD).</summary>
    public void AddInstances(int added, string? description)
    {
        InstanceCount += Math.Max(0, added);
        Description ??= Truncate(description);
    }

    private static string? Truncate(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > MaxDescriptionLength ? t[..MaxDescriptionLength] : text.Trim();
}
