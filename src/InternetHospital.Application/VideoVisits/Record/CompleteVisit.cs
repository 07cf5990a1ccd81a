using InternetHospital.Application.His;
using InternetHospital.Application.Notifications;
using InternetHospital.Application.VideoVisits.Media;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Record;

/// <summary>
/// The doctor completes the visit: the note is signed (who, when, content hash) and becomes read-only, the appointment
/// is completed, the encounter goes to the HIS outbox in the same transaction, and the patient is told that the
/// after-visit summary is ready.
/// </summary>
public sealed record CompleteVisit(Guid VisitId) : ICommand<VisitNoteDto>
{
    public sealed class Handler(
        IAppDbContext db,
        VisitAccess access,
        ICurrentUser currentUser,
        IVisitAppointments appointments,
        IHisOutbox his,
        INotifier notifier,
        IAuditLog audit,
        IVisitRoom room,
        IAfterCommit afterCommit,
        CallMedia media,
        TimeProvider clock) : ICommandHandler<CompleteVisit, VisitNoteDto>
    {
        public async ValueTask<VisitNoteDto> Handle(CompleteVisit command, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(command.VisitId, cancellationToken, VisitParts.Note);
            VisitAccess.EnsureDoctor(role);
            var accountId = currentUser.RequireAccountId();
            var doctorName = await db.Doctors.Where(d => d.Id == visit.DoctorId).Select(d => d.FullName).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Doctor", visit.DoctorId);
            var now = clock.GetUtcNow();

            visit.Complete(accountId, doctorName, now);
            await appointments.CompleteAsync(visit.Id, cancellationToken);
            var note = visit.Note!;
            his.Enqueue(visit.PatientId, new EncounterCompletedMessage(
                visit.Id,
                visit.Id,
                visit.PatientId,
                visit.DoctorId,
                now,
                note.Diagnoses.OrderBy(d => d.Position).Select(d => new EncounterDiagnosis(d.Icd10Code, d.Description)).ToList(),
                NoteText(note),
                note.ContentHash!));
            audit.Record("visit.completed", "VideoVisit", visit.Id.ToString(), visit.PatientId, note.ContentHash);
            await VisitNotices.TellPatientAsync(notifier, visit, VisitNotices.Completed, cancellationToken);
            await QueueAnnouncements.AnnounceQueueMovedAsync(db, room, afterCommit, visit.DoctorId, visit.Id, cancellationToken);
            afterCommit.Enqueue(ct => room.BroadcastAsync(visit.Id, VisitRoomEvents.VisitUpdated, new VisitUpdatedEvent(visit.Id, visit.Status), ct));
            await media.CloseAfterCommitAsync(visit.Id, cancellationToken);
            return VisitNoteDto.From(note);
        }

        /// <summary>The note as the HIS keeps it: the sections under the hospital's (Chinese) headings, text as written.</summary>
        private static string NoteText(VisitNote note) => string.Join(
            "\n",
            new[]
            {
                ("主诉", note.ChiefComplaint),
                ("现病史", note.History),
                ("评估", note.Assessment),
                ("处理", note.Plan),
                ("随访建议", note.FollowUpAdvice),
            }.Where(s => s.Item2.Length > 0).Select(s => $"{s.Item1}：{s.Item2}"));
    }
}
