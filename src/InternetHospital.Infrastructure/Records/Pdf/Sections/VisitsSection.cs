using InternetHospital.Application.Results;

namespace InternetHospital.Infrastructure.Records.Pdf.Sections;

/// <summary>
/// The online visits with their signed notes, word for word, and the hash the doctor's signature covers (so a printed
/// note can be checked against the portal's copy).
/// </summary>
internal sealed class VisitsSection : IRecordPdfSection
{
    public void Write(PdfLayout pdf, PatientRecord record, RecordPdfText text)
    {
        pdf.Heading(text.VisitsSection);
        if (record.Visits.Count == 0)
        {
            pdf.Paragraph(text.None, gray: 0.35f);
            return;
        }

        foreach (var visit in record.Visits)
        {
            pdf.SubHeading(text.VisitTitle(visit.Start, visit.DoctorName));
            pdf.Field(text.ChiefComplaint, visit.ChiefComplaint);
            pdf.Field(text.History, visit.History);
            pdf.Field(text.Assessment, visit.Assessment);
            pdf.Field(text.Plan, visit.Plan);
            if (visit.FollowUpAdvice.Length > 0)
            {
                pdf.Field(text.FollowUp, visit.FollowUpAdvice);
            }

            if (visit.Diagnoses.Count > 0)
            {
                pdf.Field(text.Diagnosis, string.Join("\n", visit.Diagnoses.Select(d => $"{d.Icd10Code}  {d.Description}")));
            }

            pdf.Paragraph(text.Signed(visit.SignedByName, visit.SignedAt), 8.5f, gray: 0.3f);
            pdf.Field(text.Hash, visit.ContentHash);
            pdf.Space(6f);
        }
    }
}
