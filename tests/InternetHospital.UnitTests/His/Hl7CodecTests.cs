using System.Text;
using InternetHospital.Application.His;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Renewals;
using InternetHospital.Infrastructure.His;
using InternetHospital.Infrastructure.His.Delivery;
using InternetHospital.Infrastructure.His.Hl7v2;

namespace InternetHospital.UnitTests.His;

public sealed class Hl7CodecTests
{
    private static readonly HisOptions Options = new();
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [InlineData("a|b", @"a\F\b")]
    [InlineData("a^b", @"a\S\b")]
    [InlineData("a&b", @"a\T\b")]
    [InlineData("a~b", @"a\R\b")]
    [InlineData(@"a\b", @"a\E\b")]
    [InlineData(@"|^~\&", @"\F\\S\\R\\E\\T\")]
    [InlineData("张伟", "张伟")]
    public void Each_delimiter_is_escaped_and_comes_back(string value, string escaped)
    {
        Assert.Equal(escaped, Hl7Delimiters.Standard.Escape(value));
        Assert.Equal(value, Hl7Delimiters.Standard.Unescape(escaped));
    }

    [Fact]
    public void A_message_with_chinese_and_delimiters_in_values_round_trips()
    {
        var message = new Hl7Message();
        message.Add("MSH").Set(3, "IH").Set(9, "ADT", "A04", "ADT_A01").Set(10, "abc123").Set(12, "2.5").Set(18, "UNICODE UTF-8");
        message.Add("PID").Set(1, "1").SetRepetitions(3, [["P1", null, null, "IH", "PI"], ["440106196503121234", null, null, "CHN", "NNCHN"]])
            .Set(5, "欧阳·娜娜 | 测试 ^ ~ & \\", null, null, null, null, null, "L");

        var text = message.Encode();
        var parsed = Hl7Message.Parse(text);

        Assert.Equal("ADT^A04", parsed.MessageType);
        Assert.Equal("abc123", parsed.ControlId);
        var pid = parsed.Find("PID")!;
        Assert.Equal("欧阳·娜娜 | 测试 ^ ~ & \\", pid.Get(5));
        Assert.Equal("L", pid.Get(5, 7));
        Assert.Equal(2, pid.Repetitions(3));
        Assert.Equal("NNCHN", pid.Get(3, 5, repetition: 2));
        Assert.Equal(text, parsed.Encode());
        Assert.DoesNotContain('\n', text);
        Assert.Contains(@"\F\", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_values_survive_encode_and_parse()
    {
        var random = new Random(20261128);
        const string alphabet = "abc张伟王秀英|^~\\& 0123-";
        for (var round = 0; round < 300; round++)
        {
            var values = Enumerable.Range(0, 4).Select(_ => new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray())).ToArray();
            var message = new Hl7Message();
            message.Add("MSH").Set(9, "ACK").Set(10, "x");
            message.Add("MSA").Set(1, values[0]).Set(3, values[1], values[2]).SetSubcomponents(4, 1, values[3], "sub");

            var parsed = Hl7Message.Parse(message.Encode()).Find("MSA")!;

            Assert.Equal(values[0], parsed.Get(1));
            Assert.Equal(values[1], parsed.Get(3));
            Assert.Equal(values[2], parsed.Get(3, 2));
            Assert.Equal(values[3], parsed.Get(4, 1, 1));
            Assert.Equal("sub", parsed.Get(4, 1, 2));
        }
    }

    [Theory]
    [InlineData("PID|1\r", "starts with an MSH")]
    [InlineData("MSH|^~\\&|A\r\nPID|1\r", "line feed")]
    [InlineData("MSH|^~\\&|A\rZZZ|1\r", "not supported")]
    [InlineData("MSH|^~\\&|A\rPID|\\X0D\\\r", "escape")]
    [InlineData("MSH|^~\\&|A\rPID|a\\b\r", "escape")]
    [InlineData("MSH|^~\\&|A\r\rPID|1\r", "empty")]
    [InlineData("MSH|^^\\&|A\r", "distinct")]
    [InlineData("MSH|^~\\&|A\rMSH|^~\\&|B\r", "first segment")]
    public void Anything_not_exactly_right_is_refused(string text, string reason)
    {
        var error = Assert.Throws<Hl7FormatException>(() => Hl7Message.Parse(text));
        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Mllp_frames_wrap_utf8_between_the_block_characters()
    {
        var frame = Mllp.Frame("MSH|张");
        Assert.Equal(0x0B, frame[0]);
        Assert.Equal([0x1C, 0x0D], frame[^2..]);
        Assert.Equal("MSH|张", Encoding.UTF8.GetString(frame[1..^2]));
    }

    [Fact]
    public async Task An_mllp_frame_cut_short_is_an_error_and_a_clean_close_is_not()
    {
        Assert.Null(await Mllp.ReadFrameAsync(new MemoryStream([]), CancellationToken.None));
        await Assert.ThrowsAsync<MllpException>(() => Mllp.ReadFrameAsync(new MemoryStream([0x0B, 0x41]), CancellationToken.None));
        await Assert.ThrowsAsync<MllpException>(() => Mllp.ReadFrameAsync(new MemoryStream([0x41]), CancellationToken.None));
        Assert.Equal("A", await Mllp.ReadFrameAsync(new MemoryStream([0x0B, 0x41, 0x1C, 0x0D]), CancellationToken.None));
    }

    [Fact]
    public void Registration_becomes_an_adt_a04_with_the_patient_and_the_message_id()
    {
        var outbound = Outbound(new PatientRegisteredMessage(PatientId, "张伟", new DateOnly(1965, 3, 12), "Male", "13900000001"));

        var message = Hl7Message.Parse(new Hl7MessageFactory(Options, Zone).Create(outbound, Now).Encode());

        Assert.Equal("ADT^A04", message.MessageType);
        Assert.Equal(outbound.MessageId.ToString("N"), message.ControlId);
        Assert.Equal("UNICODE UTF-8", message.Header.Get(18));
        Assert.Equal("20261128090000+0800", message.Header.Get(7));
        var pid = message.Find("PID")!;
        Assert.Equal("张伟", pid.Get(5));
        Assert.Equal("19650312", pid.Get(7));
        Assert.Equal("M", pid.Get(8));
        Assert.Equal(ResidentId, pid.Get(3, 1, repetition: 3));
        Assert.Equal("H0000001", pid.Get(3, 1, repetition: 2));
        Assert.Equal(["MSH", "EVN", "PID", "PV1"], message.Segments.Select(s => s.Id));
    }

    [Fact]
    public void Appointments_become_siu_s12_s13_s14_s15_keyed_by_the_portal_appointment_id()
    {
        var appointment = Guid.NewGuid();
        var factory = new Hl7MessageFactory(Options, Zone);
        var start = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

        var booked = Hl7Message.Parse(factory.Create(Outbound(new AppointmentBookedMessage(appointment, PatientId, Guid.NewGuid(), "CARD", start, start.AddMinutes(15), "video")), Now).Encode());
        var moved = Hl7Message.Parse(factory.Create(Outbound(new AppointmentRescheduledMessage(appointment, PatientId, Guid.NewGuid(), start.AddDays(1), start.AddDays(1).AddMinutes(15))), Now).Encode());
        var newDoctor = Guid.NewGuid();
        var modified = Hl7Message.Parse(factory.Create(Outbound(new AppointmentModifiedMessage(appointment, PatientId, newDoctor, "ENDO", start.AddDays(1), start.AddDays(1).AddMinutes(15), "video", "医生调整 doctor changed")), Now).Encode());
        var cancelled = Hl7Message.Parse(factory.Create(Outbound(new AppointmentCancelledMessage(appointment, PatientId, "患者要求 patient asked|changed plans")), Now).Encode());

        Assert.Equal(["SIU^S12", "SIU^S13", "SIU^S14", "SIU^S15"], new[] { booked, moved, modified, cancelled }.Select(m => m.MessageType));
        Assert.All(new[] { booked, moved, modified, cancelled }, m => Assert.Equal(appointment.ToString("N"), m.Find("SCH")!.Get(1)));
        Assert.Equal("SIU_S14", modified.Header.Get(9, 3));
        Assert.Equal("医生调整 doctor changed", modified.Find("SCH")!.Get(6, 2));
        Assert.Equal("ENDO", modified.Find("AIS")!.Get(3));
        Assert.Equal("U", modified.Find("AIS")!.Get(2));
        Assert.Equal(newDoctor.ToString("N"), modified.Find("AIP")!.Get(3));
        Assert.Equal(["MSH", "SCH", "PID", "PV1", "RGS", "AIS", "AIP"], modified.Segments.Select(s => s.Id));
        Assert.Equal("20261201090000+0800", booked.Find("SCH")!.Get(11, 4));
        Assert.Equal("CARD", booked.Find("AIS")!.Get(3));
        Assert.Equal("20261202090000+0800", moved.Find("SCH")!.Get(11, 4));
        Assert.Equal("患者要求 patient asked|changed plans", cancelled.Find("SCH")!.Get(6, 2));
        Assert.Equal("Cancelled", cancelled.Find("SCH")!.Get(25));
    }

    [Fact]
    public void A_signed_drug_line_keeps_the_his_wire_format_of_a_prescription_line()
    {
        var line = new DrugLine("C08CA01-5", "氨氯地平", "Amlodipine", "5 mg", 7.5m, "mg", "qd", "oral");

        Assert.Equal(new PrescriptionLine("C08CA01-5", "氨氯地平 Amlodipine", "5 mg", "7.5 mg", "qd", "oral", 42, 28), PrescriptionLine.From(line, 42, 28));
    }

    [Fact]
    public void A_prescription_becomes_an_rde_o11_with_one_order_per_line()
    {
        var prescription = new PrescriptionApprovedMessage(Guid.NewGuid(), PatientId, Guid.NewGuid(), Guid.NewGuid(), Now,
        [
            new PrescriptionLine("C08CA01-5", "氨氯地平 Amlodipine", "5 mg", "5 mg", "qd", "oral", 28, 28),
            new PrescriptionLine("C10AA05-20", "阿托伐他汀 Atorvastatin", "20 mg", "20 mg", "qn", "oral", 28, 28),
        ]);

        var message = Hl7Message.Parse(new Hl7MessageFactory(Options, Zone).Create(Outbound(prescription), Now).Encode());

        Assert.Equal("RDE^O11", message.MessageType);
        var rxe = message.All("RXE").ToList();
        Assert.Equal(2, rxe.Count);
        Assert.Equal("氨氯地平 Amlodipine", rxe[0].Get(2, 2));
        Assert.Equal("5", rxe[0].Get(3));
        Assert.Equal("mg", rxe[0].Get(5));
        Assert.Equal("D28", rxe[0].Get(1, 3));
        Assert.Equal($"{prescription.PrescriptionId:N}-2", message.All("ORC").Last().Get(2));
        Assert.Equal(2, message.All("RXR").Count());
    }

    [Fact]
    public void A_completed_encounter_becomes_an_mdm_t02_carrying_the_note_line_by_line()
    {
        var encounter = new EncounterCompletedMessage(Guid.NewGuid(), Guid.NewGuid(), PatientId, Guid.NewGuid(), Now,
            [new EncounterDiagnosis("I10", "原发性高血压")], "血压 135/85 mmHg。\n继续服药 | keep taking ^ pills", "abc");

        var message = Hl7Message.Parse(new Hl7MessageFactory(Options, Zone).Create(Outbound(encounter), Now).Encode());

        Assert.Equal("MDM^T02", message.MessageType);
        var note = message.All("OBX").First();
        Assert.Equal("血压 135/85 mmHg。", note.Get(5));
        Assert.Equal("继续服药 | keep taking ^ pills", note.Get(5, repetition: 2));
        Assert.Equal("I10", message.All("OBX").Last().Get(5));
    }

    [Fact]
    public void A_home_reading_becomes_an_oru_r01_with_a_numeric_obx_per_value_and_the_abnormal_flag()
    {
        var reading = new HomeMeasurementRecordedMessage(Guid.NewGuid(), PatientId, "BloodPressure", 186, 112, 96, null, null, null, Now.AddMinutes(-5), "Dangerous");

        var message = Hl7Message.Parse(new Hl7MessageFactory(Options, Zone).Create(Outbound(reading), Now).Encode());

        Assert.Equal("ORU^R01", message.MessageType);
        var obr = message.Find("OBR")!;
        Assert.Equal(reading.MeasurementId.ToString("N"), obr.Get(3));
        Assert.Equal("85354-9", obr.Get(4));
        var values = message.All("OBX").ToList();
        Assert.Equal(["8480-6", "8462-4", "8867-4"], values.Select(v => v.Get(3)));
        Assert.Equal(["186", "112", "96"], values.Select(v => v.Get(5)));
        Assert.Equal(["mm[Hg]", "mm[Hg]", "/min"], values.Select(v => v.Get(6)));
        Assert.All(values, v => Assert.Equal(("NM", "AA", "F"), (v.Get(2), v.Get(8), v.Get(11))));
        Assert.Equal(obr.Get(7), values[0].Get(14));
    }

    [Fact]
    public void A_glucose_reading_says_when_it_was_taken_and_leaves_out_what_was_not_measured()
    {
        var reading = new HomeMeasurementRecordedMessage(Guid.NewGuid(), PatientId, "BloodGlucose", null, null, null, 6.2m, "Fasting", null, Now, "Normal");

        var message = Hl7Message.Parse(new Hl7MessageFactory(Options, Zone).Create(Outbound(reading), Now).Encode());

        Assert.Equal("Fasting", message.Find("OBR")!.Get(13));
        var value = Assert.Single(message.All("OBX"));
        Assert.Equal(("14743-9", "6.2", "mmol/L", "N"), (value.Get(3), value.Get(5), value.Get(6), value.Get(8)));
    }

    [Theory]
    [InlineData("AE", "application error")]
    [InlineData("AR", "rejected")]
    public void An_ae_or_ar_ack_is_a_refusal_that_keeps_the_his_text(string code, string verdict)
    {
        var ack = $"MSH|^~\\&|HIS|H|IH|IH|20261128||ACK^A04^ACK|1|P|2.5\rMSA|{code}|m1|Patient unknown \\F\\ check PID\rERR|||207^Application internal error^HL70357|E||||Bed not found\r";

        var error = Assert.Throws<HisDeliveryException>(() => Hl7Acknowledgement.Check(ack, "m1"));

        Assert.Equal(HisFailure.Rejected, error.Failure);
        Assert.Contains(verdict, error.Message, StringComparison.Ordinal);
        Assert.Contains("Patient unknown | check PID", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bed not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ack_for_another_message_is_not_an_acknowledgement()
    {
        var ack = "MSH|^~\\&|HIS|H|IH|IH|20261128||ACK|1|P|2.5\rMSA|AA|other\r";
        Assert.Throws<HisDeliveryException>(() => Hl7Acknowledgement.Check(ack, "m1"));
        Hl7Acknowledgement.Check("MSH|^~\\&|HIS|H|IH|IH|20261128||ACK|1|P|2.5\rMSA|AA|m1\r", "m1");
    }

    [Fact]
    public void An_unidentified_ambulance_patient_becomes_an_adt_a04_emergency_visit_under_a_temporary_id()
    {
        var caseId = FhirMappingTests.EmergencyCaseId;
        var registered = new EmergencyRegisteredMessage(caseId, null, "CFPH", 1, "Trauma", "车祸 胸部外伤", Now.AddMinutes(15), "Female", 30, Now);
        var outbound = Outbound(registered) with { Patient = HisPatientRef.Unidentified(caseId, "Female") };

        var message = Hl7Message.Parse(new Hl7MessageFactory(Options, Zone).Create(outbound, Now).Encode());

        Assert.Equal("ADT^A04", message.MessageType);
        var pid = message.Find("PID")!;
        Assert.Equal("E" + caseId.ToString("N"), pid.Get(3));
        Assert.Equal("无名氏", pid.Get(5));
        Assert.Equal("U", pid.Get(5, 7));
        Assert.Equal("F", pid.Get(8));
        Assert.Equal(string.Empty, pid.Get(7));
        var pv1 = message.Find("PV1")!;
        Assert.Equal("E", pv1.Get(2));
        Assert.Equal("CFPH", pv1.Get(3, 4));
        Assert.Equal(caseId.ToString("N"), pv1.Get(19));
        Assert.Equal("20261128091500+0800", pv1.Get(44));
        Assert.Equal("1", message.Find("PV2")!.Get(25));
    }

    [Fact]
    public void Identifying_an_emergency_patient_merges_the_temporary_id_with_an_adt_a40()
    {
        var message = Hl7Message.Parse(new Hl7MessageFactory(Options, Zone).Create(Outbound(FhirMappingTests.Sample("emergency.identified")), Now).Encode());

        Assert.Equal("ADT^A40", message.MessageType);
        Assert.Equal(PatientId.ToString("N"), message.Find("PID")!.Get(3));
        Assert.Equal("E" + FhirMappingTests.EmergencyCaseId.ToString("N"), message.Find("MRG")!.Get(1));
    }

    internal static readonly Guid PatientId = Guid.Parse("0190f5c8-0000-7000-8000-000000000001");
    internal static readonly string ResidentId = "44010619650312123" + ResidentIdNumber.CheckCharacterFor("44010619650312123");
    internal static readonly DateTimeOffset Now = new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);

    internal static HisOutboundMessage Outbound(HisMessage message) => new(
        Guid.NewGuid(),
        message,
        new HisPatientRef(PatientId, "H0000001", "张伟", new DateOnly(1965, 3, 12), "Male", "13900000001", IdDocumentType.ResidentId, ResidentId),
        Now);
}
