namespace InternetHospital.Application.Appointments;

public static class FollowUpProofs
{
    /// <summary>The file purpose of proof of an in-person diagnosis (outpatient record, discharge summary, certificate).</summary>
    public const string Purpose = "diagnosis-proof";
}
