using System.Globalization;
using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Appointments;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// Break-glass: a system administrator reads one appointment they otherwise may not see (administrators get 404 on
/// clinical content), e.g. to untangle a booking the doctor and patient cannot. It needs a written reason, answers this
/// once (every further read is another break-glass with its own reason), is audit-logged with the reason, and tells
/// the appointment's doctor who looked and why. The proof of diagnosis stays out of reach.
/// </summary>
public sealed record BreakGlassReadAppointment(Guid AppointmentId, string? Reason) : IQuery<AppointmentView>
{
    public const int MinReasonLength = 10;
    public const int MaxReasonLength = 500;

    public sealed class Validator : AbstractValidator<BreakGlassReadAppointment>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
                .NotEmpty()
                .Must(r => r!.Trim().Length >= MinReasonLength).WithLocalizedMessage("break_glass_reason_too_short", MinReasonLength)
                .MaximumLength(MaxReasonLength);
        }
    }

    public sealed class Handler(
        InstitutionScope scope,
        IAppDbContext db,
        ICurrentUser currentUser,
        IAccountService accounts,
        INotifier notifier,
        IAuditLog audit,
        IOptions<BookingOptions> booking,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : IQueryHandler<BreakGlassReadAppointment, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(BreakGlassReadAppointment query, CancellationToken cancellationToken)
        {
            var row = await AppointmentQueries.Rows(db, db.Appointments.AsNoTracking().Where(a => a.Id == query.AppointmentId)).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Appointment", query.AppointmentId);
            await scope.EnsureDoctorAsync(row.Appointment.DoctorId, cancellationToken);
            var reason = query.Reason!.Trim();
            var appointment = row.Appointment;
            audit.Record(AppointmentNotifications.BreakGlassRead, nameof(Appointment), appointment.Id.ToString(), appointment.PatientId, reason);

            var administrator = await accounts.FindAsync(currentUser.RequireAccountId(), cancellationToken);
            var doctorAccount = await db.Doctors.Where(d => d.Id == appointment.DoctorId).Select(d => d.AccountId).SingleAsync(cancellationToken);
            await notifier.NotifyAsync(
                new Notice(
                    doctorAccount,
                    AppointmentNotifications.BreakGlassRead,
                    new Dictionary<string, string>
                    {
                        ["administrator"] = administrator?.FullName ?? string.Empty,
                        ["start"] = appointment.Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                        ["timeZone"] = hospital.Value.TimeZone,
                        ["reason"] = reason,
                    },
                    "/calendar"),
                cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return row.ToView(clock.GetUtcNow(), booking.Value, hospital.Value);
        }
    }
}

/// <summary>The doctor's e-mail: who opened which appointment; the reason stays in the portal (e-mail is not a secure channel).</summary>
internal sealed class BreakGlassReadTemplate : INotificationTemplate
{
    public string Kind => AppointmentNotifications.BreakGlassRead;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> parameters, TemplateContext context) =>
        AppointmentText.IsEnglish(language)
            ? new EmailText(
                "An administrator opened one of your appointments",
                $"Dear {context.RecipientName},\n\n{parameters["administrator"]}, a system administrator, used emergency access to open your appointment of {AppointmentText.When(parameters, language)}. The reason they gave is in your notifications in the portal. If you did not expect this, tell the hospital's security administrator.")
            : new EmailText(
                "管理员查看了您的一个预约",
                $"{context.RecipientName}，您好：\n\n系统管理员{parameters["administrator"]}通过紧急访问查看了您 {AppointmentText.When(parameters, language)} 的预约。其填写的理由请在互联网医院的通知中查看。如非预期，请告知医院的安全管理员。");
}
