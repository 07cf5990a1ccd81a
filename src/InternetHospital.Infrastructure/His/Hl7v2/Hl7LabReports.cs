using System.Globalization;
using InternetHospital.Application.His;
using InternetHospital.Application.Results;

namespace InternetHospital.Infrastructure.His.Hl7v2;

/// <summary>
/// Laboratory results in HL7 v2.5 ORU^R01: MSH, PID, [PV1], then one or more order groups, each [ORC], OBR (a report)
/// and the OBX that follow it (its values). A laboratory system commonly sends the tests of one draw as several OBR in
/// one message; each is a report of its own. Strict like the codec: a HIS patient id in PID-3, a report id in OBR-3
/// (different for each OBR) and a code in OBR-4, and no OBX before the first OBR, or the message is refused. Times
/// without an offset are the hospital's local time.
/// </summary>
internal static class Hl7LabReports
{
    public const string MessageType = "ORU^R01";

    /// <summary>At most this many reports (OBR groups) in one message.</summary>
    public const int MaxReports = 50;

    public static Hl7Message Encode(string controlId, DateTimeOffset sentAt, InboundPatient patient, HisLabReport report, HisIdentifierOptions ids, TimeZoneInfo zone) =>
        Encode(controlId, sentAt, patient, [report], ids, zone);

    public static Hl7Message Encode(string controlId, DateTimeOffset sentAt, InboundPatient patient, IReadOnlyList<HisLabReport> reports, HisIdentifierOptions ids, TimeZoneInfo zone)
    {
        var message = new Hl7Message();
        message.Add("MSH")
            .Set(3, "HIS").Set(4, "HOSPITAL").Set(5, "INTERNETHOSPITAL").Set(6, "IH")
            .Set(7, Time(sentAt, zone))
            .Set(9, "ORU", "R01", "ORU_R01")
            .Set(10, controlId)
            .Set(11, "P")
            .Set(12, "2.5")
            .Set(18, "UNICODE UTF-8");
        var pidIds = new List<string?[]> { new[] { patient.HisPatientId, null, null, ids.HisAuthority, "PI" } };
        if (patient.MedicalRecordNumber is { } mrn)
        {
            pidIds.Add([mrn, null, null, ids.HisAuthority, "MR"]);
        }

        if (patient.ResidentIdNumber is { } resident)
        {
            pidIds.Add([resident, null, null, "CHN", "NNCHN"]);
        }

        message.Add("PID")
            .Set(1, "1")
            .SetRepetitions(3, pidIds)
            .Set(5, patient.FullName, null, null, null, null, null, "L")
            .Set(7, patient.DateOfBirth?.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
            .Set(8, patient.Sex switch { "Male" => "M", "Female" => "F", _ => "U" });
        var index = 0;
        foreach (var report in reports)
        {
            index++;
            AddReport(message, index, report, ids, zone);
        }

        return message;
    }

    private static void AddReport(Hl7Message message, int index, HisLabReport report, HisIdentifierOptions ids, TimeZoneInfo zone)
    {
        message.Add("OBR")
            .Set(1, index.ToString(CultureInfo.InvariantCulture))
            .Set(3, report.ReportId, ids.HisAuthority)
            .Set(4, report.Code, report.Name, report.CodeSystem)
            .Set(7, Time(report.IssuedAt, zone))
            .Set(16, report.OrderingDoctorLicence, report.OrderingDoctorName)
            .Set(22, Time(report.IssuedAt, zone))
            .Set(25, report.Status switch { "corrected" => "C", "preliminary" => "P", _ => "F" });
        var set = 0;
        foreach (var o in report.Observations)
        {
            set++;
            message.Add("OBX")
                .Set(1, set.ToString(CultureInfo.InvariantCulture))
                .Set(2, o.Value is null ? "ST" : "NM")
                .Set(3, o.Code, o.Name, o.CodeSystem)
                .Set(5, o.Value?.ToString(CultureInfo.InvariantCulture) ?? o.ValueText)
                .Set(6, o.Unit)
                .Set(7, o.RangeText ?? Range(o.Low, o.High))
                .Set(8, o.Flag)
                .Set(11, report.Status == "corrected" ? "C" : "F")
                .Set(14, o.ObservedAt is { } at ? Time(at, zone) : null);
        }
    }

    /// <summary>Reads an ORU^R01 (its reports in OBR order); throws <see cref="Hl7FormatException"/> when it is not one this portal can store.</summary>
    public static (InboundPatient Patient, IReadOnlyList<HisLabReport> Reports) Decode(Hl7Message message, HisIdentifierOptions ids, TimeZoneInfo zone)
    {
        if (message.MessageType is not MessageType and not "ORU^R01^ORU_R01")
        {
            throw new Hl7FormatException($"Only {MessageType} is accepted here, not {message.MessageType}.");
        }

        var pid = message.Find("PID") ?? throw new Hl7FormatException("The message has no PID segment.");
        string? hisId = null, resident = null, mrn = null;
        for (var r = 1; r <= pid.Repetitions(3); r++)
        {
            var id = pid.Get(3, 1, 1, r);
            var authority = pid.Get(3, 4, 1, r);
            var type = pid.Get(3, 5, 1, r);
            if (type == "NNCHN")
            {
                resident = id;
            }
            else if (authority == ids.HisAuthority && type == "MR")
            {
                mrn = id;
            }
            else if (authority == ids.HisAuthority && hisId is null)
            {
                hisId = id;
            }
        }

        if (string.IsNullOrWhiteSpace(hisId))
        {
            throw new Hl7FormatException($"PID-3 has no patient id of the HIS (assigning authority {ids.HisAuthority}).");
        }

        var name = pid.Get(5, 1) + pid.Get(5, 2);
        var patient = new InboundPatient(
            hisId,
            resident is { Length: > 0 } ? resident : null,
            mrn is { Length: > 0 } ? mrn : null,
            name,
            pid.Get(7) is { Length: >= 8 } dob && DateOnly.TryParseExact(dob[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) ? born : null,
            pid.Get(8) switch { "M" => "Male", "F" => "Female", _ => "Unknown" });

        // Each OBR opens a report; the OBX after it (up to the next OBR) are its values.
        var groups = new List<(Hl7Segment Obr, List<Hl7Segment> Obx)>();
        foreach (var segment in message.Segments)
        {
            if (segment.Id == "OBR")
            {
                groups.Add((segment, []));
            }
            else if (segment.Id == "OBX")
            {
                if (groups.Count == 0)
                {
                    throw new Hl7FormatException("An OBX comes before the first OBR: a value must follow its report.");
                }

                groups[^1].Obx.Add(segment);
            }
        }

        if (groups.Count == 0)
        {
            throw new Hl7FormatException("The message has no OBR segment.");
        }

        if (groups.Count > MaxReports)
        {
            throw new Hl7FormatException($"At most {MaxReports} reports (OBR) per message, not {groups.Count}.");
        }

        var reports = groups.Select((g, i) => Report(message, i + 1, g.Obr, g.Obx, zone)).ToList();
        if (reports.GroupBy(r => r.ReportId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new Hl7FormatException($"OBR-3 '{twice.Key}' names more than one report in this message: each OBR needs its own report id.");
        }

        return (patient, reports);
    }

    private static HisLabReport Report(Hl7Message message, int index, Hl7Segment obr, IReadOnlyList<Hl7Segment> results, TimeZoneInfo zone)
    {
        // Note: with several reports the error names which OBR, so the HIS can find it.
        var where = index == 1 && message.All("OBR").Count() == 1 ? string.Empty : $"OBR {index}: ";
        var reportId = obr.Get(3) is { Length: > 0 } filler ? filler : throw new Hl7FormatException(where + "OBR-3 (filler order number, the report's id) is empty.");
        var code = obr.Get(4) is { Length: > 0 } c ? c : throw new Hl7FormatException(where + "OBR-4 (the test's code) is empty.");
        var issued = ParseTime(obr.Get(22), zone) ?? ParseTime(obr.Get(7), zone) ?? ParseTime(message.Header.Get(7), zone)
            ?? throw new Hl7FormatException(where + "The report has no time (OBR-22, OBR-7 or MSH-7).");
        var status = obr.Get(25) switch
        {
            "C" => "corrected",
            "P" or "I" or "R" or "S" => "preliminary",
            "F" or "" => "final",
            var other => throw new Hl7FormatException($"{where}OBR-25 result status '{other}' is not understood."),
        };

        var values = new List<HisLabObservation>();
        foreach (var obx in results)
        {
            var type = obx.Get(2);
            var raw = obx.Get(5);
            decimal? number = null;
            if (type is "NM" or "SN")
            {
                number = decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : throw new Hl7FormatException($"{where}OBX {obx.Get(1)}: '{raw}' is not a number.");
            }

            var (low, high) = ParseRange(obx.Get(7));
            values.Add(new HisLabObservation(
                obx.Get(3) is { Length: > 0 } oc ? oc : throw new Hl7FormatException($"{where}OBX {obx.Get(1)}: OBX-3 (the value's code) is empty."),
                Empty(obx.Get(3, 3)),
                obx.Get(3, 2) is { Length: > 0 } text ? text : obx.Get(3),
                number,
                number is null ? Empty(raw) : null,
                Empty(obx.Get(6)),
                low,
                high,
                Empty(obx.Get(7)),
                Empty(obx.Get(8)),
                ParseTime(obx.Get(14), zone)));
        }

        return new HisLabReport(reportId, code, Empty(obr.Get(4, 3)), obr.Get(4, 2) is { Length: > 0 } rn ? rn : code, status, issued, Empty(obr.Get(16)), Empty(obr.Get(16, 2) + obr.Get(16, 3)), values);
    }

    /// <summary>An ACK: AA accepted, AE application error (try again later or fix), AR rejected (never send it again like this).</summary>
    public static Hl7Message Acknowledge(Hl7Message? received, string code, string? text, DateTimeOffset now, TimeZoneInfo zone)
    {
        var ack = new Hl7Message();
        ack.Add("MSH")
            .Set(3, received?.Header.Get(5) is { Length: > 0 } app ? app : "INTERNETHOSPITAL")
            .Set(4, received?.Header.Get(6) is { Length: > 0 } facility ? facility : "IH")
            .Set(5, received?.Header.Get(3))
            .Set(6, received?.Header.Get(4))
            .Set(7, Time(now, zone))
            .Set(9, "ACK", "R01", "ACK")
            .Set(10, Guid.NewGuid().ToString("N"))
            .Set(11, received?.Header.Get(11) is { Length: > 0 } processing ? processing : "P")
            .Set(12, "2.5")
            .Set(18, "UNICODE UTF-8");
        ack.Add("MSA").Set(1, code).Set(2, received?.ControlId ?? string.Empty).Set(3, text is null ? null : Truncate(text, 80));
        if (code != "AA" && text is not null)
        {
            ack.Add("ERR").Set(3, code == "AR" ? "100" : "207", code == "AR" ? "Segment sequence error" : "Application internal error", "HL70357").Set(4, "E").Set(8, Truncate(text, 250));
        }

        return ack;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    public static string Time(DateTimeOffset value, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(value, zone).ToString("yyyyMMddHHmmsszzz", CultureInfo.InvariantCulture).Replace(":", string.Empty, StringComparison.Ordinal);

    /// <summary>HL7 TS: yyyyMMdd[HHmm[ss[.S...]]][+/-zzzz]; without an offset it is the hospital's local time.</summary>
    public static DateTimeOffset? ParseTime(string value, TimeZoneInfo zone)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var sign = value.IndexOfAny(['+', '-'], 8);
        var local = sign < 0 ? value : value[..sign];
        var dot = local.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            local = local[..dot];
        }

        local = local.PadRight(14, '0');
        if (local.Length != 14 || !DateTime.TryParseExact(local, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw new Hl7FormatException($"'{value}' is not an HL7 time.");
        }

        if (sign < 0)
        {
            return new DateTimeOffset(time, zone.GetUtcOffset(time));
        }

        var offset = value[sign..];
        if (offset.Length != 5 || !int.TryParse(offset.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(offset.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || hours > 14 || minutes > 59)
        {
            throw new Hl7FormatException($"'{value}' has no valid offset.");
        }

        var span = new TimeSpan(hours, minutes, 0);
        return new DateTimeOffset(time, offset[0] == '-' ? -span : span);
    }

    /// <summary>"3.9-6.1", "&lt;5.2", "&gt;1.0" or text (kept as text only).</summary>
    private static (decimal? Low, decimal? High) ParseRange(string range)
    {
        static decimal? Number(string s) => decimal.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
        var text = range.Trim();
        if (text.StartsWith('<'))
        {
            return (null, Number(text.TrimStart('<', '=')));
        }

        if (text.StartsWith('>'))
        {
            return (Number(text.TrimStart('>', '=')), null);
        }

        var dash = text.Length > 1 ? text.IndexOf('-', 1) : -1;
        return dash > 0 ? (Number(text[..dash]), Number(text[(dash + 1)..])) : (null, null);
    }

    private static string? Range(decimal? low, decimal? high) => (low, high) switch
    {
        ({ } l, { } h) => $"{l.ToString(CultureInfo.InvariantCulture)}-{h.ToString(CultureInfo.InvariantCulture)}",
        (null, { } h) => "<" + h.ToString(CultureInfo.InvariantCulture),
        ({ } l, null) => ">" + l.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
