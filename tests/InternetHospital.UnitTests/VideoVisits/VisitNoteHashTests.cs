using System.Reflection;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.UnitTests.VideoVisits;

public sealed class VisitNoteHashTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    private static VideoVisit Completed(NoteContent content, Guid visitId, Guid doctor, DateTimeOffset signedAt)
    {
        var visit = VideoVisit.CheckIn(visitId, Guid.Empty, Guid.Empty, doctor, Start, Start.AddMinutes(15), Guid.Empty, Start);
        visit.Admit(doctor, Start);
        visit.WriteNote(content, doctor, Start);
        visit.Complete(doctor, "李伟", signedAt);
        return visit;
    }

    [Fact]
    public void The_same_note_signed_by_the_same_doctor_at_the_same_time_always_has_the_same_hash()
    {
        var visitId = Guid.NewGuid();
        var doctor = Guid.NewGuid();

        var a = Completed(VideoVisitTests.CompleteNote(), visitId, doctor, Start.AddMinutes(10));
        var b = Completed(VideoVisitTests.CompleteNote(), visitId, doctor, Start.AddMinutes(10).ToOffset(TimeSpan.FromHours(8)));

        Assert.Equal(a.Note!.ContentHash, b.Note!.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", a.Note.ContentHash);
    }

    [Fact]
    public void Any_difference_in_what_was_signed_gives_another_hash()
    {
        var visitId = Guid.NewGuid();
        var doctor = Guid.NewGuid();
        var baseline = Completed(VideoVisitTests.CompleteNote(), visitId, doctor, Start.AddMinutes(10)).Note!.ContentHash;

        Assert.NotEqual(baseline, Completed(VideoVisitTests.CompleteNote() with { Plan = "Increase amlodipine to 7.5 mg." }, visitId, doctor, Start.AddMinutes(10)).Note!.ContentHash);
        Assert.NotEqual(baseline, Completed(VideoVisitTests.CompleteNote() with { Diagnoses = [new NoteDiagnosis("I11.9", "高血压性心脏病")] }, visitId, doctor, Start.AddMinutes(10)).Note!.ContentHash);
        Assert.NotEqual(baseline, Completed(VideoVisitTests.CompleteNote(), visitId, doctor, Start.AddMinutes(11)).Note!.ContentHash);
        Assert.NotEqual(baseline, Completed(VideoVisitTests.CompleteNote(), visitId, Guid.NewGuid(), Start.AddMinutes(10)).Note!.ContentHash);
    }

    [Fact]
    public void A_change_to_the_stored_text_after_signing_is_detected()
    {
        var note = Completed(VideoVisitTests.CompleteNote(), Guid.NewGuid(), Guid.NewGuid(), Start.AddMinutes(10)).Note!;
        Assert.True(note.VerifySignature());

        // Someone edits the row in the database behind the application's back.
        typeof(VisitNote).GetProperty(nameof(VisitNote.Assessment))!.SetValue(note, "Hypertension at target.", BindingFlags.NonPublic | BindingFlags.Instance, null, null, null);

        Assert.False(note.VerifySignature());
    }

    [Fact]
    public void The_canonical_form_keeps_the_text_as_written_and_normalises_codes()
    {
        var note = Completed(VideoVisitTests.CompleteNote(), Guid.NewGuid(), Guid.NewGuid(), Start.AddMinutes(10)).Note!;

        var canonical = note.CanonicalText();

        Assert.Contains("\"code\":\"I10\"", canonical, StringComparison.Ordinal);
        Assert.Contains("2026-12-01T01:10:00.0000000Z", canonical, StringComparison.Ordinal);
        Assert.Equal("I10", Assert.Single(note.Diagnoses).Icd10Code);
    }
}
