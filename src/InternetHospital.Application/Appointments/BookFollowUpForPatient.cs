using InternetHospital.Application.FamilyDoctors;
using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// Staff-initiated booking: the signed-in doctor books one of their own slots as a follow-up for a patient they
/// look after (they have seen the patient before, or are the patient's family doctor). The doctor's decision is the
/// follow-up basis for a video visit. The patient is told and confirms by paying within
/// <see cref="BookingOptions.StaffHoldDuration"/>. Booked from a family follow-up task (<paramref name="FollowUpTaskId"/>),
/// the task is linked to the appointment in the same unit of work; a task of another patient changes nothing.
/// </summary>
public sealed record BookFollowUpForPatient(Guid PatientId, Guid SlotId, VisitType VisitType, Guid? FollowUpTaskId = null) : ICommand<AppointmentView>
{
    public sealed class Validator : AbstractValidator<BookFollowUpForPatient>
    {
        public Validator()
        {
            RuleFor(x => x.PatientId).NotEmpty();
            RuleFor(x => x.SlotId).NotEmpty();
            RuleFor(x => x.VisitType).IsInEnum();
            RuleFor(x => x.FollowUpTaskId).NotEqual(Guid.Empty);
        }
    }

    public sealed class Handler(StaffAccess staff, FollowUpBooking booking, IPublisher publisher) : ICommandHandler<BookFollowUpForPatient, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(BookFollowUpForPatient command, CancellationToken cancellationToken)
        {
            var doctor = await staff.CurrentDoctorAsync(cancellationToken);
            await booking.EnsureCaresForAsync(doctor, command.PatientId, cancellationToken);
            var appointment = await booking.HoldAsync(doctor, command.PatientId, command.SlotId, command.VisitType, cancellationToken);
            if (command.FollowUpTaskId is { } taskId)
            {
                // Note: published before the save, so the task's link and the appointment commit together.
                await publisher.Publish(new FollowUpVisitBooked(taskId, command.PatientId, appointment.Id, appointment.Start), cancellationToken);
            }

            return await booking.SaveAsync(appointment, cancellationToken);
        }
    }
}
