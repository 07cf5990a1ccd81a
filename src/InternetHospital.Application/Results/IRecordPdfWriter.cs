using System.Globalization;

namespace InternetHospital.Application.Results;

/// <summary>Writes a patient's record as a PDF to read and print, in the given language (Chinese or English).</summary>
public interface IRecordPdfWriter
{
    byte[] Write(PatientRecord record, CultureInfo language);
}
