using InternetHospital.Domain.Common;
using InternetHospital.Domain.Consultations;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.UnitTests.Consultations;

public sealed class ConsultationStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid Requester = Guid.NewGuid();
    private static readonly Guid RequesterAccount = Guid.NewGuid();
    private static readonly ConsultationSpecialistRef Lead = new(Guid.NewGuid(), Guid.NewGuid());

    private static Consultation Request(
        ConsultationMode mode = ConsultationMode.Video, ConsultationConsent? consent = null, decimal fee = 0m, IReadOnlyList<ConsultationSpecialistRef>? specialists = null, int roomCapacity = VideoVisit.MaxParticipants) =>
        Consultation.Request(
            new NewConsultation(
                Guid.NewGuid(), Requester, RequesterAccount, Guid.NewGuid(), Guid.NewGuid(), null, specialists ?? [Lead], mode, ConsultationUrgency.Urgent,
                "请评估降压方案", "{}", consent ?? new ConsultationConsent(ConsentMethod.Paper, "张伟", RequesterAccount, Now),
                [new ConsultationAttachmentRef(ConsultationAttachmentKind.Imaging, "1.2.3", "CT")], fee),
            roomCapacity,
            Now);

    [Fact]
    public void A_video_consultation_goes_from_requested_through_scheduled_and_in_progress_to_a_signed_opinion_with_a_timeline()
    {
        var consultation = Request();

        consultation.Schedule(Lead.DoctorId, Lead.AccountId, Now.AddDays(1), invitePatient: true, VideoVisit.MaxParticipants, Now);
        consultation.Start(Lead.AccountId, Now.AddDays(1));
        var opinion = consultation.SignOpinion("建议加用氨氯地平", new ConsultationRecommendation(ConsultationDisposition.AdjustTreatment, null, "氨氯地平 5 mg qd", 14), Lead.AccountId, "王主任", Now.AddDays(1));

        Assert.Equal(ConsultationStatus.OpinionSigned, consultation.Status);
        Assert.Equal(Lead.DoctorId, consultation.LeadDoctorId);
        Assert.True(consultation.PatientInvited);
        Assert.Equal(
            [ConsultationStatus.Requested, ConsultationStatus.Scheduled, ConsultationStatus.InProgress, ConsultationStatus.OpinionSigned],
            consultation.Events.Select(e => e.Status).ToArray());
        Assert.Equal(64, opinion.ContentHash.Length);
        Assert.True(opinion.VerifySignature());
    }

    [Fact]
    public void Without_consent_a_request_is_refused()
    {
        var problem = Assert.Throws<DomainRuleException>(() => Consultation.Request(
            new NewConsultation(Guid.NewGuid(), Requester, RequesterAccount, Guid.NewGuid(), Guid.NewGuid(), null, [Lead], ConsultationMode.Written, ConsultationUrgency.Routine, "问题", "{}", null, [], 0m),
            VideoVisit.MaxParticipants,
            Now));
        Assert.Equal("consultation_consent_required", problem.Code);

        var blank = Assert.Throws<DomainRuleException>(() => Request(consent: new ConsultationConsent(ConsentMethod.Paper, "  ", RequesterAccount, Now)));
        Assert.Equal("consultation_consent_required", blank.Code);
    }

    [Fact]
    public void A_consultation_is_asked_of_another_institution()
    {
        var facility = Guid.NewGuid();
        var problem = Assert.Throws<DomainRuleException>(() => Consultation.Request(
            new NewConsultation(Guid.NewGuid(), Requester, RequesterAccount, facility, facility, null, [Lead], ConsultationMode.Written, ConsultationUrgency.Routine, "问题", "{}",
                new ConsultationConsent(ConsentMethod.Paper, "张伟", RequesterAccount, Now), [], 0m),
            VideoVisit.MaxParticipants,
            Now));
        Assert.Equal("consultation_same_institution", problem.Code);
    }

    [Fact]
    public void Moves_out_of_order_are_conflicts_and_change_nothing()
    {
        var consultation = Request();

        Assert.Equal("consultation_wrong_state", Assert.Throws<DomainConflictException>(() => consultation.Start(Lead.AccountId, Now)).Code);
        consultation.Decline("不在专业范围", Lead.DoctorId, Lead.AccountId, Now);
        Assert.Equal("consultation_wrong_state", Assert.Throws<DomainConflictException>(() => consultation.Schedule(Lead.DoctorId, Lead.AccountId, Now.AddDays(1), false, VideoVisit.MaxParticipants, Now)).Code);
        Assert.Equal("consultation_wrong_state", Assert.Throws<DomainConflictException>(() => consultation.Cancel(null, RequesterAccount, Now)).Code);
        Assert.Equal(ConsultationStatus.Declined, consultation.Status);
        Assert.Equal(2, consultation.Events.Count);
    }

    [Fact]
    public void A_video_consultation_is_signed_only_after_it_took_place_and_only_by_its_lead()
    {
        var consultation = Request();
        consultation.Schedule(Lead.DoctorId, Lead.AccountId, Now.AddDays(1), false, VideoVisit.MaxParticipants, Now);
        var recommendation = new ConsultationRecommendation(ConsultationDisposition.ContinueLocalCare, null, null, null);

        Assert.Equal("consultation_wrong_state", Assert.Throws<DomainConflictException>(() => consultation.SignOpinion("意见", recommendation, Lead.AccountId, "王主任", Now)).Code);
        consultation.Start(Lead.AccountId, Now);
        Assert.Equal("not_consultation_lead", Assert.Throws<DomainRuleException>(() => consultation.SignOpinion("意见", recommendation, RequesterAccount, "李医生", Now)).Code);
        Assert.Equal(ConsultationStatus.InProgress, consultation.Status);
    }

    [Fact]
    public void A_written_consultation_is_answered_once_scheduled_and_the_signed_opinion_only_takes_hash_chained_addenda()
    {
        var consultation = Request(ConsultationMode.Written);
        consultation.Schedule(Lead.DoctorId, Lead.AccountId, Now.AddDays(2), invitePatient: true, VideoVisit.MaxParticipants, Now);
        Assert.False(consultation.PatientInvited);
        Assert.Equal("consultation_wrong_state", Assert.Throws<DomainConflictException>(() => consultation.Start(Lead.AccountId, Now)).Code);
        var opinion = consultation.SignOpinion("继续当前治疗", new ConsultationRecommendation(ConsultationDisposition.ContinueLocalCare, null, null, 30), Lead.AccountId, "王主任", Now);

        Assert.Equal("consultation_wrong_state", Assert.Throws<DomainConflictException>(
            () => consultation.SignOpinion("改写", new ConsultationRecommendation(ConsultationDisposition.ReferUp, null, null, null), Lead.AccountId, "王主任", Now)).Code);
        var first = consultation.AddAddendum("补充：复查肾功能", Lead.AccountId, "王主任", Now.AddHours(1));
        var second = consultation.AddAddendum("补充：两周后复诊", Lead.AccountId, "王主任", Now.AddHours(2));

        Assert.Equal(opinion.ContentHash, first.PreviousHash);
        Assert.Equal(first.ContentHash, second.PreviousHash);
        Assert.Equal("继续当前治疗", consultation.Opinion!.Text);
        Assert.True(consultation.Opinion.VerifySignature());
    }

    [Fact]
    public void A_fee_not_yet_paid_holds_scheduling_back()
    {
        var consultation = Request(fee: 80m);

        Assert.Equal("payment_required", Assert.Throws<DomainConflictException>(() => consultation.Schedule(Lead.DoctorId, Lead.AccountId, Now.AddDays(1), false, VideoVisit.MaxParticipants, Now)).Code);
        consultation.MarkPaid(Now);
        consultation.Schedule(Lead.DoctorId, Lead.AccountId, Now.AddDays(1), false, VideoVisit.MaxParticipants, Now);
        Assert.Equal(ConsultationStatus.Scheduled, consultation.Status);
    }

    [Fact]
    public void A_video_consultation_fits_the_video_rooms_four_people()
    {
        var second = new ConsultationSpecialistRef(Guid.NewGuid(), Guid.NewGuid());
        var three = new[] { Lead, second, new ConsultationSpecialistRef(Guid.NewGuid(), Guid.NewGuid()) };
        Assert.Equal("too_many_participants", Assert.Throws<DomainRuleException>(() => Request(specialists: three)).Code);

        // The lead, a second specialist, the requester and the patient: four.
        var two = Request(specialists: [Lead, second]);
        two.Schedule(Lead.DoctorId, Lead.AccountId, Now.AddDays(1), invitePatient: true, VideoVisit.MaxParticipants, Now);
        Assert.True(two.PatientInvited);

        // A department's doctor taking on a consultation that already names two specialists: no room for the patient.
        var other = Request(specialists: [Lead, second]);
        var departmentDoctor = new ConsultationSpecialistRef(Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal("too_many_participants", Assert.Throws<DomainRuleException>(
            () => other.Schedule(departmentDoctor.DoctorId, departmentDoctor.AccountId, Now.AddDays(1), invitePatient: true, VideoVisit.MaxParticipants, Now)).Code);
        Assert.Equal(ConsultationStatus.Requested, other.Status);
    }

    [Fact]
    public void Through_a_media_server_a_video_consultation_asks_as_many_specialists_as_its_room_holds_up_to_five()
    {
        var five = Enumerable.Range(0, 5).Select(_ => new ConsultationSpecialistRef(Guid.NewGuid(), Guid.NewGuid())).ToList();
        var six = five.Append(new ConsultationSpecialistRef(Guid.NewGuid(), Guid.NewGuid())).ToList();

        // A Janus room of twelve: five specialists (the MDT's most), never six; the mesh's four keeps its two.
        var mdt = Request(specialists: five, roomCapacity: 12);
        Assert.Equal(5, mdt.Specialists.Count);
        Assert.Equal("too_many_participants", Assert.Throws<DomainRuleException>(() => Request(specialists: six, roomCapacity: 12)).Code);
        Assert.Equal("too_many_participants", Assert.Throws<DomainRuleException>(() => Request(specialists: five.Take(3).ToList())).Code);
        Assert.Equal(2, Consultation.MaxVideoSpecialists(VideoVisit.MaxParticipants));

        // A room of five: three specialists; the lead, two others, the requester and the patient fill it.
        Assert.Equal("too_many_participants", Assert.Throws<DomainRuleException>(() => Request(specialists: five.Take(4).ToList(), roomCapacity: 5)).Code);
        var three = Request(specialists: five.Take(3).ToList(), roomCapacity: 5);
        three.Schedule(five[0].DoctorId, five[0].AccountId, Now.AddDays(1), invitePatient: true, 5, Now);
        Assert.True(three.PatientInvited);

        // The same three on a smaller room (the configuration changed meanwhile) leave no place for the patient.
        var tight = Request(specialists: five.Take(3).ToList(), roomCapacity: 5);
        Assert.Equal("too_many_participants", Assert.Throws<DomainRuleException>(
            () => tight.Schedule(five[0].DoctorId, five[0].AccountId, Now.AddDays(1), invitePatient: true, VideoVisit.MaxParticipants, Now)).Code);
        tight.Schedule(five[0].DoctorId, five[0].AccountId, Now.AddDays(1), invitePatient: false, VideoVisit.MaxParticipants, Now);
    }

    [Fact]
    public void A_consultation_room_has_no_appointment_keeps_the_uninvited_patient_out_and_closes_for_good()
    {
        var consultationId = Guid.NewGuid();
        var room = VideoVisit.OpenForConsultation(consultationId, Guid.NewGuid(), Lead.DoctorId, Lead.AccountId, [(Requester, RequesterAccount)], patientInvited: false, Now, VideoVisit.MaxParticipants, Now);

        Assert.Equal(consultationId, room.Id);
        Assert.Equal(VisitPurpose.Consultation, room.Purpose);
        Assert.True(room.PatientExcluded);
        Assert.True(room.IsInvitedSpecialist(RequesterAccount));
        room.EnsureCallOpen();
        Assert.Equal("visit_is_consultation", Assert.Throws<DomainConflictException>(() => room.Complete(Lead.AccountId, "王主任", Now)).Code);

        room.CloseConsultationRoom(Lead.AccountId, Now);
        Assert.Equal(VideoVisitStatus.Completed, room.Status);
        Assert.Equal("visit_finished", Assert.Throws<DomainConflictException>(room.EnsureCallOpen).Code);
    }

    [Fact]
    public void A_consultation_room_holds_what_its_media_path_holds()
    {
        var doctors = Enumerable.Range(0, 4).Select(_ => (Guid.NewGuid(), Guid.NewGuid())).ToList();

        // The lead, four other doctors and the patient: six, too many for the mesh's four, fine in a Janus room of twelve.
        Assert.Equal("too_many_participants", Assert.Throws<DomainRuleException>(
            () => VideoVisit.OpenForConsultation(Guid.NewGuid(), Guid.NewGuid(), Lead.DoctorId, Lead.AccountId, doctors, patientInvited: true, Now, VideoVisit.MaxParticipants, Now)).Code);
        var room = VideoVisit.OpenForConsultation(Guid.NewGuid(), Guid.NewGuid(), Lead.DoctorId, Lead.AccountId, doctors, patientInvited: true, Now, 12, Now);
        Assert.All(doctors, d => Assert.True(room.IsInvitedSpecialist(d.Item2)));
        Assert.Equal("too_many_participants", Assert.Throws<DomainRuleException>(
            () => VideoVisit.OpenForConsultation(Guid.NewGuid(), Guid.NewGuid(), Lead.DoctorId, Lead.AccountId, doctors, patientInvited: true, Now, 5, Now)).Code);
    }
}
