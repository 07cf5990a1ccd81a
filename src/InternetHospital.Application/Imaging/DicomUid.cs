namespace InternetHospital.Application.Imaging;

/// <summary>
/// DICOM UIDs (PS3.5 9.1): digits and dots, at most 64 characters. Checked before a UID from a URL reaches the PACS,
/// so that a QIDO wildcard (<c>*</c>, <c>?</c>), a UID list (<c>\</c>) or a path can never widen a query.
/// </summary>
public static class DicomUid
{
    public const int MaxLength = 64;

    public static bool IsValid(string? uid)
    {
        if (string.IsNullOrEmpty(uid) || uid.Length > MaxLength || uid[0] == '.' || uid[^1] == '.')
        {
            return false;
        }

        for (var i = 0; i < uid.Length; i++)
        {
            var c = uid[i];
            if (c == '.' ? uid[i - 1] == '.' : c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
