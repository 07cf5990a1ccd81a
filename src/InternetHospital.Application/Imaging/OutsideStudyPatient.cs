using System.Globalization;

namespace InternetHospital.Application.Imaging;

/// <summary>
/// Whether an outside study is of the patient it is uploaded for, and under which Patient ID it is filed in the PACS.
/// </summary>
public static class OutsideStudyPatient
{
    /// <summary>
    /// The file names the patient: its Patient ID is the patient's HIS id, or its Patient's Name and Birth Date are the
    /// patient's. Another hospital's Patient ID means nothing here, so the name and birth date decide for outside studies.
    /// </summary>
    public static bool Matches(DicomHeader header, string fullName, DateOnly dateOfBirth, string? hisPatientId)
    {
        if (hisPatientId is { Length: > 0 } && string.Equals(header.PatientId, hisPatientId, StringComparison.Ordinal))
        {
            return true;
        }

        return header.PatientBirthDate == dateOfBirth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            && NameMatches(header.PatientName, fullName);
    }

    /// <summary>
    /// The Patient ID an outside study is filed under (import reconciliation): the portal's own id for the patient, so
    /// that another hospital's Patient ID, which may equal one of this hospital's HIS ids, never files it under
    /// somebody else. A study that already carries the patient's HIS id keeps it.
    /// </summary>
    public static string ArchivePatientId(Guid patientId) => "IH-" + patientId.ToString("N", CultureInfo.InvariantCulture);

    /// <summary>
    /// A DICOM person name (PS3.5 6.2: up to three groups split by '=', alphabetic, ideographic, phonetic; each
    /// family^given^middle^prefix^suffix) against the name the patient registered with: "张伟" matches "张^伟" and
    /// "Zhang Wei" or "Wei Zhang" match "ZHANG^WEI", ignoring case and spaces.
    /// </summary>
    public static bool NameMatches(string? dicomName, string fullName)
    {
        if (string.IsNullOrWhiteSpace(dicomName))
        {
            return false;
        }

        var registered = Normalise(fullName);
        foreach (var group in dicomName.Split('='))
        {
            var parts = group.Split('^');
            var family = Normalise(parts[0]);
            var given = parts.Length > 1 ? Normalise(string.Concat(parts.Skip(1).Take(2))) : string.Empty;
            if (family.Length + given.Length == 0)
            {
                continue;
            }

            if (registered == family + given || registered == given + family)
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalise(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not '.' and not ',' and not '-' and not '·')).ToUpperInvariant();
}
