using System.Globalization;
using System.Text;

namespace InternetHospital.Application.Emergency;

public sealed record EmergencyQualityCsv(byte[] Content, int Rows);

/// <summary>The same period as CSV, one row per case (UTF-8 with BOM so spreadsheet programs read the Chinese right).</summary>
public sealed record ExportEmergencyQuality(DateOnly From, DateOnly To) : IQuery<EmergencyQualityCsv>
{
    public sealed class Validator : AbstractValidator<ExportEmergencyQuality>
    {
        public Validator() => RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).Must((x, to) => to.DayNumber - x.From.DayNumber < GetEmergencyQuality.MaxDays).WithLocalizedMessage("period_too_long", GetEmergencyQuality.MaxDays);
    }

    public sealed class Handler(EmergencyQualityRows rows) : IQueryHandler<ExportEmergencyQuality, EmergencyQualityCsv>
    {
        public async ValueTask<EmergencyQualityCsv> Handle(ExportEmergencyQuality query, CancellationToken cancellationToken)
        {
            var cases = await rows.RowsAsync(query.From, query.To, cancellationToken);
            var csv = new StringBuilder("case_id,pathway,triage_level,called_at,first_contact_at,pre_notified_at,scene_departure_at,arrival_at,handover_at,ct_started_at,call_to_arrival_min,door_to_ct_min,pre_notification_lead_min\r\n");
            foreach (var r in cases)
            {
                csv.AppendJoin(',', r.CaseId.ToString(), r.Pathway.ToString(), Text(r.TriageLevel), Time(r.CalledAt), Time(r.FirstContactAt), Time(r.PreNotifiedAt),
                    Time(r.SceneDepartureAt), Time(r.ArrivalAt), Time(r.HandoverAt), Time(r.CtStartedAt), Text(r.CallToArrival), Text(r.DoorToCt), Text(r.PreNotificationLead));
                csv.Append("\r\n");
            }

            return new EmergencyQualityCsv([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], cases.Count);
        }

        private static string Time(DateTimeOffset? value) => value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

        private static string Text<T>(T? value)
            where T : struct, IFormattable => value?.ToString(null, CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
