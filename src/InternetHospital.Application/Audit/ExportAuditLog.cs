using System.Globalization;
using System.Text;

namespace InternetHospital.Application.Audit;

/// <summary>
/// The audit search's result as a CSV file (newest first, at most <see cref="MaxRows"/> rows), for an inspector or a
/// spreadsheet. Admins only; the export itself is audited, since it takes personal health information out.
/// </summary>
public sealed record ExportAuditLog(Guid? PatientId, Guid? ActorAccountId, DateTimeOffset? From, DateTimeOffset? To, string? Action = null, string? Actor = null)
    : IQuery<AuditLogCsv>
{
    /// <summary>A bound on one file, so an export cannot hold the database (and the browser) for minutes; narrow the filter for more.</summary>
    public const int MaxRows = 10_000;

    public sealed class Validator : AbstractValidator<ExportAuditLog>
    {
        public Validator()
        {
            Include(new AuditLogFilter.Validator<ExportAuditLog>(x => new AuditLogFilter(x.PatientId, x.ActorAccountId, x.From, x.To, x.Action, x.Actor)));
        }
    }

    public sealed class Handler(IAppDbContext db, IAccountService accounts, IAuditLog audit) : IQueryHandler<ExportAuditLog, AuditLogCsv>
    {
        public async ValueTask<AuditLogCsv> Handle(ExportAuditLog query, CancellationToken cancellationToken)
        {
            var filter = new AuditLogFilter(query.PatientId, query.ActorAccountId, query.From, query.To, query.Action, query.Actor);
            var entries = await filter.ApplyAsync(db, accounts, cancellationToken);
            var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(MaxRows + 1).ToListAsync(cancellationToken);
            var truncated = rows.Count > MaxRows;
            var lines = await AuditLogFilter.ToLinesAsync(truncated ? rows[..MaxRows] : rows, accounts, cancellationToken);

            var csv = new StringBuilder();
            csv.Append("at,actor_account_id,actor_name,actor_roles,patient_id,action,resource,resource_id,ip_address,detail\r\n");
            foreach (var line in lines)
            {
                csv.AppendJoin(',',
                    Field(line.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
                    Field(line.ActorAccountId?.ToString()), Field(line.ActorName), Field(line.ActorRoles), Field(line.PatientId?.ToString()),
                    Field(line.Action), Field(line.Resource), Field(line.ResourceId), Field(line.IpAddress), Field(line.Detail));
                csv.Append("\r\n");
            }

            audit.Record("audit.exported", "AuditLog", null, query.PatientId, $"{lines.Count} rows{(truncated ? " (truncated)" : string.Empty)}; {filter.Describe()}");

            // Note: the byte order mark makes Excel read the file as UTF-8, so Chinese names are not garbled.
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
            return new AuditLogCsv(bytes, lines.Count, truncated);
        }

        /// <summary>
        /// Quotes a field (RFC 4180) and defuses text a spreadsheet would run as a formula (a reason typed by a user may
        /// start with "=").
        /// </summary>
        private static string Field(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return string.Empty;
            }

            if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                value = "'" + value;
            }

            return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
        }
    }
}

/// <param name="Truncated">More entries matched than one file holds (<see cref="ExportAuditLog.MaxRows"/>).</param>
public sealed record AuditLogCsv(byte[] Content, int Rows, bool Truncated);
