using InternetHospital.Domain.Common;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.UnitTests.VideoVisits;

public sealed class VideoVisitTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid Doctor = Guid.NewGuid();
    private static readonly Guid PatientAccount = Guid.NewGuid();

    internal static VideoVisit CheckedIn() =>
        VideoVisit.CheckIn(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Doctor, Start, Start.AddMinutes(15), PatientAccount, Start.AddMinutes(-10));

    internal static NoteContent CompleteNote() => new(
        "血压控制欠佳两周",
        "Home readings 150/95 despite amlodipine 5 mg.",
        "Essential hypertension, not at target.",
        "Increase amlodipine to 10 mg; home BP diary.",
        [new NoteDiagnosis("i10", "特发性（原发性）高血压")],
        "Follow up in 4 weeks.");

    [Fact]
    public void Steps_taken_at_one_instant_keep_their_order_in_the_trace()
    {
        var visit = CheckedIn();

        // Admit and enter the call in one step: one clock reading for both.
        for (var i = 0; i < 50; i++)
        {
            visit.RecordJoined(Doctor, VisitRole.Doctor, Start);
        }

        visit.Admit(Doctor, Start);

        var trace = visit.Events.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        Assert.Equal(visit.Events, trace);
        Assert.All(trace.Zip(trace.Skip(1)), pair => Assert.True(pair.Second.At > pair.First.At));
    }

    [Fact]
    public void A_checked_in_patient_waits_until_the_doctor_admits_them()
    {
        var visit = CheckedIn();

        Assert.Equal(VideoVisitStatus.Waiting, visit.Status);
        Assert.Equal("visit_not_admitted", Assert.Throws<DomainConflictException>(visit.EnsureCallOpen).Code);

        visit.Admit(Doctor, Start);

        Assert.Equal(VideoVisitStatus.InProgress, visit.Status);
        visit.EnsureCallOpen();
        Assert.Equal([VisitEventKinds.CheckedIn, VisitEventKinds.Admitted], visit.Events.Select(e => e.Kind));
    }

    [Fact]
    public void Only_the_visits_doctor_admits_and_only_once()
    {
        var visit = CheckedIn();

        Assert.Equal("not_treating_doctor", Assert.Throws<DomainRuleException>(() => visit.Admit(Guid.NewGuid(), Start)).Code);
        visit.Admit(Doctor, Start);
        Assert.Equal("visit_already_admitted", Assert.Throws<DomainConflictException>(() => visit.Admit(Doctor, Start)).Code);
    }

    [Fact]
    public void Completing_signs_the_note_and_the_finished_visit_cannot_be_re_entered_or_changed()
    {
        var visit = CheckedIn();
        visit.Admit(Doctor, Start);
        visit.WriteNote(CompleteNote(), Doctor, Start.AddMinutes(5));

        visit.Complete(Doctor, "李伟", Start.AddMinutes(12));

        Assert.Equal(VideoVisitStatus.Completed, visit.Status);
        Assert.True(visit.Note!.IsSigned);
        Assert.Equal("李伟", visit.Note.SignedByName);
        Assert.Equal(Start.AddMinutes(12), visit.Note.SignedAt);
        Assert.Equal(64, visit.Note.ContentHash!.Length);
        Assert.Equal("visit_finished", Assert.Throws<DomainConflictException>(visit.EnsureCallOpen).Code);
        Assert.Equal("visit_finished", Assert.Throws<DomainConflictException>(() => visit.WriteNote(CompleteNote(), Doctor, Start.AddMinutes(13))).Code);
        Assert.Equal("visit_finished", Assert.Throws<DomainConflictException>(() => visit.RecordMessage(PatientAccount, Guid.NewGuid(), false, Start.AddMinutes(13))).Code);
        Assert.Equal("visit_finished", Assert.Throws<DomainConflictException>(() => visit.Complete(Doctor, "李伟", Start.AddMinutes(14))).Code);
    }

    [Fact]
    public void A_visit_is_completed_only_after_the_patient_was_seen_and_with_a_complete_note()
    {
        var visit = CheckedIn();
        Assert.Equal("visit_not_admitted", Assert.Throws<DomainConflictException>(() => visit.Complete(Doctor, "李伟", Start)).Code);

        visit.Admit(Doctor, Start);
        Assert.Equal("note_incomplete", Assert.Throws<DomainRuleException>(() => visit.Complete(Doctor, "李伟", Start)).Code);

        visit.WriteNote(CompleteNote() with { Diagnoses = [] }, Doctor, Start);
        Assert.Equal("note_incomplete", Assert.Throws<DomainRuleException>(() => visit.Complete(Doctor, "李伟", Start)).Code);
        Assert.Equal(VideoVisitStatus.InProgress, visit.Status);
        Assert.False(visit.Note!.IsSigned);
    }

    [Fact]
    public void Stop_and_refer_records_the_reason_and_ends_the_visit_from_the_waiting_room_or_the_call()
    {
        var waiting = CheckedIn();
        waiting.StopAndRefer(ReferralReason.FirstVisit, null, Doctor, Start);
        Assert.Equal(VideoVisitStatus.Referred, waiting.Status);
        Assert.Equal(ReferralReason.FirstVisit, waiting.ReferralReason);

        var inCall = CheckedIn();
        inCall.Admit(Doctor, Start);
        Assert.Equal("referral_detail_required", Assert.Throws<DomainRuleException>(() => inCall.StopAndRefer(ReferralReason.Other, " ", Doctor, Start)).Code);
        inCall.StopAndRefer(ReferralReason.Emergency, "Chest pain at rest: call 120.", Doctor, Start.AddMinutes(3));
        Assert.Equal("Chest pain at rest: call 120.", inCall.ReferralDetail);
        Assert.Equal(Start.AddMinutes(3), inCall.EndedAt);
        Assert.Equal("visit_finished", Assert.Throws<DomainConflictException>(() => inCall.StopAndRefer(ReferralReason.Emergency, null, Doctor, Start)).Code);
    }

    [Fact]
    public void A_correction_after_completion_is_an_addendum_chained_to_the_signed_note()
    {
        var visit = CheckedIn();
        visit.Admit(Doctor, Start);
        visit.WriteNote(CompleteNote(), Doctor, Start);
        Assert.Equal("visit_not_finished", Assert.Throws<DomainConflictException>(() => visit.AddAddendum("x", Doctor, "李伟", Start)).Code);
        visit.Complete(Doctor, "李伟", Start.AddMinutes(10));

        var first = visit.AddAddendum("Potassium result normal (4.1 mmol/L).", Doctor, "李伟", Start.AddHours(2));
        var second = visit.AddAddendum("Patient called: no ankle swelling.", Doctor, "李伟", Start.AddHours(3));

        Assert.Equal(visit.Note!.ContentHash, first.PreviousHash);
        Assert.Equal(first.ContentHash, second.PreviousHash);
        Assert.Equal(2, second.Sequence);
        Assert.Equal("not_treating_doctor", Assert.Throws<DomainRuleException>(() => visit.AddAddendum("x", Guid.NewGuid(), "x", Start)).Code);
        Assert.True(visit.Note.VerifySignature());
    }

    [Fact]
    public void The_doctor_invites_at_most_two_specialists_and_never_themselves_or_twice()
    {
        var visit = CheckedIn();
        var first = Guid.NewGuid();

        visit.Invite(Guid.NewGuid(), first, Doctor, VideoVisit.MaxParticipants, 0, Start);
        Assert.True(visit.IsInvitedSpecialist(first));
        Assert.Equal("specialist_already_invited", Assert.Throws<DomainConflictException>(() => visit.Invite(Guid.NewGuid(), first, Doctor, VideoVisit.MaxParticipants, 0, Start)).Code);
        Assert.Equal("cannot_invite_self", Assert.Throws<DomainRuleException>(() => visit.Invite(Guid.NewGuid(), Doctor, Doctor, VideoVisit.MaxParticipants, 0, Start)).Code);
        Assert.Equal("not_treating_doctor", Assert.Throws<DomainRuleException>(() => visit.Invite(Guid.NewGuid(), Guid.NewGuid(), first, VideoVisit.MaxParticipants, 0, Start)).Code);
        visit.Invite(Guid.NewGuid(), Guid.NewGuid(), Doctor, VideoVisit.MaxParticipants, 0, Start);
        Assert.Equal("too_many_participants", Assert.Throws<DomainRuleException>(() => visit.Invite(Guid.NewGuid(), Guid.NewGuid(), Doctor, VideoVisit.MaxParticipants, 0, Start)).Code);
        Assert.Equal(2, visit.Invitations.Count);
    }

    [Fact]
    public void Through_a_media_server_the_room_size_it_is_configured_for_bounds_the_specialists_not_the_mesh()
    {
        var visit = CheckedIn();
        const int JanusRoom = 12;

        // Patient, doctor and ten specialists fill a Janus room of twelve; the eleventh is refused.
        for (var i = 0; i < JanusRoom - 2; i++)
        {
            visit.Invite(Guid.NewGuid(), Guid.NewGuid(), Doctor, JanusRoom, 0, Start);
        }

        Assert.Equal(JanusRoom - 2, visit.Invitations.Count);
        Assert.Equal("too_many_participants", Assert.Throws<DomainRuleException>(() => visit.Invite(Guid.NewGuid(), Guid.NewGuid(), Doctor, JanusRoom, 0, Start)).Code);

        // The same visit on the mesh takes no one more, and a room too small for patient and doctor is a programming error.
        Assert.Equal("too_many_participants", Assert.Throws<DomainRuleException>(() => visit.Invite(Guid.NewGuid(), Guid.NewGuid(), Doctor, VideoVisit.MaxParticipants, 0, Start)).Code);
        Assert.Throws<ArgumentOutOfRangeException>(() => CheckedIn().Invite(Guid.NewGuid(), Guid.NewGuid(), Doctor, 1, 0, Start));
    }

    [Fact]
    public void Guests_take_places_in_the_room_like_specialists_on_either_media_path()
    {
        // On the mesh: patient, doctor and one specialist leave room for one guest; a second is refused.
        var visit = CheckedIn();
        visit.Invite(Guid.NewGuid(), Guid.NewGuid(), Doctor, VideoVisit.MaxParticipants, 0, Start);
        visit.EnsureRoomForGuest(VideoVisit.MaxParticipants, activeGuests: 0);
        Assert.Equal("too_many_participants", Assert.Throws<DomainRuleException>(() => visit.EnsureRoomForGuest(VideoVisit.MaxParticipants, activeGuests: 1)).Code);

        // Active guests take the specialists' places too: with two guests invited the mesh takes no specialist.
        var withGuests = CheckedIn();
        Assert.Equal("too_many_participants", Assert.Throws<DomainRuleException>(
            () => withGuests.Invite(Guid.NewGuid(), Guid.NewGuid(), Doctor, VideoVisit.MaxParticipants, 2, Start)).Code);
        withGuests.Invite(Guid.NewGuid(), Guid.NewGuid(), Doctor, VideoVisit.MaxParticipants, 1, Start);

        // A Janus room of twelve: patient, doctor, one specialist and nine guests; the tenth guest is refused.
        visit.EnsureRoomForGuest(12, activeGuests: 8);
        Assert.Equal("too_many_participants", Assert.Throws<DomainRuleException>(() => visit.EnsureRoomForGuest(12, activeGuests: 9)).Code);
    }

    [Fact]
    public void A_connection_keeps_its_peer_across_call_entries_and_closes_once()
    {
        var connection = VisitConnection.Open("c1", Guid.NewGuid(), PatientAccount, VisitRole.Patient, Start);
        Assert.False(connection.IsInCall);

        connection.EnterCall("peer-a", Start.AddSeconds(1));
        connection.EnterCall("peer-a", Start.AddSeconds(30));
        Assert.Equal(Start.AddSeconds(1), connection.InCallSince);

        connection.Close(Start.AddMinutes(1));
        connection.Close(Start.AddMinutes(2));
        Assert.Equal(Start.AddMinutes(1), connection.ClosedAt);
        Assert.False(connection.IsInCall);
        Assert.Equal("connection_closed", Assert.Throws<DomainConflictException>(() => connection.EnterCall("peer-a", Start.AddMinutes(3))).Code);
    }

    [Fact]
    public void A_consulting_session_lasts_its_lifetime_or_until_it_is_ended()
    {
        var session = ConsultingSession.Start(Doctor, "password", Start, TimeSpan.FromHours(4));

        Assert.True(session.IsActive(Start.AddHours(3)));
        Assert.False(session.IsActive(Start.AddHours(4)));
        session.End(Start.AddHours(1));
        Assert.False(session.IsActive(Start.AddHours(2)));
    }
}
