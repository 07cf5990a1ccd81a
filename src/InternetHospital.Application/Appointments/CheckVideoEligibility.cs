using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// Before the patient picks a video slot: may they see this doctor on video, and why (or why not)? Without a basis
/// the SPA explains the follow-up rule and offers uploading proof or an in-person visit.
/// </summary>
public sealed record CheckVideoEligibility(Guid PatientId, Guid DoctorId) : IQuery<VideoEligibility>
{
    public sealed class Handler(
        IAppDbContext db,
        IPatientAccessGuard guard,
        IFollowUpPolicy followUp,
        IAuditLog audit,
        IOptions<BookingOptions> booking,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : IQueryHandler<CheckVideoEligibility, VideoEligibility>
    {
        public async ValueTask<VideoEligibility> Handle(CheckVideoEligibility query, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(query.PatientId, PatientScope.Appointments, cancellationToken);
            var doctor = await db.Doctors.AsNoTracking().SingleOrDefaultAsync(d => d.Id == query.DoctorId, cancellationToken)
                ?? throw new NotFoundException("Doctor", query.DoctorId);
            var offersVideo = doctor.CanSeeOnVideo(SlotClock.Today(clock, hospital.Value));
            if (!offersVideo)
            {
                return new VideoEligibility(false, false, FollowUpBasis.NotRequired, null, false, booking.Value.FollowUpLookBack, false);
            }

            var decision = await followUp.EvaluateAsync(query.PatientId, doctor, cancellationToken);
            audit.Record("his.diagnoses.read", "FollowUpEligibility", doctor.Id.ToString(), query.PatientId, decision.Basis.ToString());
            return new VideoEligibility(true, decision.Allowed, decision.Basis, decision.Diagnosis, decision.HisStale, booking.Value.FollowUpLookBack, !decision.Allowed);
        }
    }
}

/// <param name="ProofAccepted">Whether uploading proof of a diagnosis made elsewhere can still make a video visit possible.</param>
public sealed record VideoEligibility(
    bool DoctorOffersVideo,
    bool Eligible,
    FollowUpBasis Basis,
    QualifyingDiagnosis? Diagnosis,
    bool HisStale,
    string LookBack,
    bool ProofAccepted);
