using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.UnitTests.VideoVisits;

/// <summary>Domain rule 30: a call is recorded only while everyone in it has consented, and the record says why not.</summary>
public sealed class RecordingConsentTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid Patient = Guid.NewGuid();
    private static readonly Guid Doctor = Guid.NewGuid();
    private static readonly Guid Specialist = Guid.NewGuid();

    private static readonly CallParticipant PatientIn = new(Patient, VisitRole.Patient);
    private static readonly CallParticipant DoctorIn = new(Doctor, VisitRole.Doctor);
    private static readonly CallParticipant SpecialistIn = new(Specialist, VisitRole.Specialist);

    private static VideoVisit Visit()
    {
        var visit = VideoVisit.CheckIn(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Doctor, Now, Now.AddMinutes(15), Patient, Now.AddMinutes(-10));
        visit.Admit(Doctor, Now);
        return visit;
    }

    [Fact]
    public void Without_any_consent_nothing_is_recorded_and_the_record_names_the_roles()
    {
        var visit = Visit();

        Assert.Equal(RecordingChange.None, visit.DecideRecording([PatientIn, DoctorIn], RecordingCapability.Available, Now));

        Assert.False(visit.IsRecording);
        Assert.False(visit.WasRecorded);
        Assert.Equal("Patient,Doctor", visit.RecordingBlockedBy);
    }

    [Fact]
    public void One_refusal_keeps_the_call_unrecorded()
    {
        var visit = Visit();
        visit.AnswerRecordingConsent(Doctor, VisitRole.Doctor, true, Now);
        visit.AnswerRecordingConsent(Patient, VisitRole.Patient, false, Now);

        Assert.Equal(RecordingChange.None, visit.DecideRecording([PatientIn, DoctorIn], RecordingCapability.Available, Now));
        Assert.Equal("Patient", visit.RecordingBlockedBy);
        Assert.Contains(visit.Events, e => e.Kind == VisitEventKinds.RecordingConsent && e.Detail == "Patient: refused");
    }

    [Fact]
    public void Everyone_consenting_starts_it_and_a_newcomer_without_consent_stops_it()
    {
        var visit = Visit();
        visit.AnswerRecordingConsent(Doctor, VisitRole.Doctor, true, Now);
        visit.AnswerRecordingConsent(Patient, VisitRole.Patient, true, Now);

        Assert.Equal(RecordingChange.Start, visit.DecideRecording([PatientIn, DoctorIn], RecordingCapability.Available, Now));
        Assert.True(visit.IsRecording);
        Assert.Null(visit.RecordingBlockedBy);
        Assert.Equal(RecordingChange.None, visit.DecideRecording([PatientIn, DoctorIn], RecordingCapability.Available, Now));

        Assert.Equal(RecordingChange.Stop, visit.DecideRecording([PatientIn, DoctorIn, SpecialistIn], RecordingCapability.Available, Now));
        Assert.False(visit.IsRecording);
        Assert.True(visit.WasRecorded);
        Assert.Equal("Specialist", visit.RecordingBlockedBy);
        Assert.Contains(visit.Events, e => e.Kind == VisitEventKinds.RecordingStopped && e.Detail == "Specialist");

        // The specialist consents: recording resumes.
        visit.AnswerRecordingConsent(Specialist, VisitRole.Specialist, true, Now);
        Assert.Equal(RecordingChange.Start, visit.DecideRecording([PatientIn, DoctorIn, SpecialistIn], RecordingCapability.Available, Now));
    }

    [Fact]
    public void Withdrawing_consent_stops_a_running_recording()
    {
        var visit = Visit();
        visit.AnswerRecordingConsent(Doctor, VisitRole.Doctor, true, Now);
        visit.AnswerRecordingConsent(Patient, VisitRole.Patient, true, Now);
        visit.DecideRecording([PatientIn, DoctorIn], RecordingCapability.Available, Now);

        visit.AnswerRecordingConsent(Patient, VisitRole.Patient, false, Now);

        Assert.Equal(RecordingChange.Stop, visit.DecideRecording([PatientIn, DoctorIn], RecordingCapability.Available, Now));
        Assert.Equal("Patient", visit.RecordingBlockedBy);
        Assert.Single(visit.RecordingConsents, c => c.AccountId == Patient);
    }

    [Fact]
    public void A_mesh_cannot_record_whatever_the_consent_and_says_so()
    {
        var visit = Visit();
        visit.AnswerRecordingConsent(Doctor, VisitRole.Doctor, true, Now);
        visit.AnswerRecordingConsent(Patient, VisitRole.Patient, true, Now);

        Assert.Equal(RecordingChange.None, visit.DecideRecording([PatientIn, DoctorIn], RecordingCapability.Unavailable, Now));

        Assert.False(visit.IsRecording);
        Assert.Equal(VideoVisit.RecordingUnavailable, visit.RecordingBlockedBy);
    }

    [Fact]
    public void Ending_the_visit_ends_the_recording_and_no_answer_is_taken_after_it()
    {
        var visit = Visit();
        visit.AnswerRecordingConsent(Doctor, VisitRole.Doctor, true, Now);
        visit.AnswerRecordingConsent(Patient, VisitRole.Patient, true, Now);
        visit.DecideRecording([PatientIn, DoctorIn], RecordingCapability.Available, Now);

        visit.StopAndRefer(ReferralReason.Emergency, null, Doctor, Now);

        Assert.False(visit.IsRecording);
        Assert.True(visit.WasRecorded);
        Assert.Contains(visit.Events, e => e.Kind == VisitEventKinds.RecordingStopped && e.Detail == "ended");
        Assert.Throws<InternetHospital.Domain.Common.DomainConflictException>(() => visit.AnswerRecordingConsent(Patient, VisitRole.Patient, false, Now));
    }
}
