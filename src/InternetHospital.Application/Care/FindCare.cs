using FluentValidation;
using InternetHospital.Application.Appointments;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Doctors;
using InternetHospital.Application.Files;
using InternetHospital.Application.Payments;
using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Scheduling;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternetHospital.Application.Care;

/// <summary>What the booking screens need to know about the hospital: its time zone (times are shown in it), currency and rules.</summary>
public sealed record GetHospitalInfo : IQuery<HospitalInfo>
{
    public sealed class Handler(IOptions<HospitalOptions> hospital, IOptions<PaymentOptions> payments, IOptions<BookingOptions> booking) : IQueryHandler<GetHospitalInfo, HospitalInfo>
    {
        public ValueTask<HospitalInfo> Handle(GetHospitalInfo query, CancellationToken cancellationToken) => ValueTask.FromResult(new HospitalInfo(
            hospital.Value.Name,
            hospital.Value.NameEn,
            hospital.Value.TimeZone,
            payments.Value.Currency,
            (int)booking.Value.HoldDuration.TotalMinutes,
            booking.Value.ChangeCutoff.TotalHours,
            booking.Value.FollowUpLookBack));
    }
}

public sealed record HospitalInfo(string Name, string NameEn, string TimeZone, string Currency, int HoldMinutes, double ChangeCutoffHours, string FollowUpLookBack);

/// <summary>The departments patients can book with, by facility, with how many doctors each has.</summary>
public sealed record ListDepartments : IQuery<IReadOnlyList<DepartmentSummary>>
{
    public sealed class Handler(IAppDbContext db) : IQueryHandler<ListDepartments, IReadOnlyList<DepartmentSummary>>
    {
        public async ValueTask<IReadOnlyList<DepartmentSummary>> Handle(ListDepartments query, CancellationToken cancellationToken) =>
            await (
                from d in db.Departments
                join f in db.Facilities on d.FacilityId equals f.Id
                orderby f.Kind, d.Code
                select new DepartmentSummary(d.Id, d.Code, d.Name, d.NameEn, new FacilityRef(f.Id, f.Name, f.NameEn), db.Doctors.Count(doc => doc.DepartmentId == d.Id)))
                .ToListAsync(cancellationToken);
    }
}

public sealed record DepartmentSummary(Guid Id, string Code, string Name, string NameEn, FacilityRef Facility, int Doctors);

/// <summary>
/// Find care: doctors by department, name, day, visit type and language, those with the earliest free time first
/// (doctors with nothing free come last). Free = an open slot in the future no appointment holds.
/// </summary>
public sealed record FindDoctors(Guid? DepartmentId = null, string? Name = null, DateOnly? Date = null, VisitType? VisitType = null, string? Language = null) : IQuery<IReadOnlyList<DoctorCard>>
{
    public sealed class Validator : AbstractValidator<FindDoctors>
    {
        public Validator()
        {
            RuleFor(x => x.Name).MaximumLength(50);
            RuleFor(x => x.VisitType).IsInEnum().When(x => x.VisitType is not null);
            RuleFor(x => x.Language).Matches("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$").When(x => !string.IsNullOrEmpty(x.Language));
        }
    }

    public sealed class Handler(IAppDbContext db, IAvailabilityCache availability, IOptions<HospitalOptions> hospital, TimeProvider clock) : IQueryHandler<FindDoctors, IReadOnlyList<DoctorCard>>
    {
        public async ValueTask<IReadOnlyList<DoctorCard>> Handle(FindDoctors query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var doctors = db.Doctors.AsNoTracking();
            if (query.DepartmentId is { } departmentId)
            {
                doctors = doctors.Where(d => d.DepartmentId == departmentId);
            }

            if (!string.IsNullOrWhiteSpace(query.Name))
            {
                var name = query.Name.Trim();
                doctors = doctors.Where(d => d.FullName.Contains(name));
            }

            if (!string.IsNullOrWhiteSpace(query.Language))
            {
                var language = query.Language.Trim();
                doctors = doctors.Where(d => d.Languages.Contains(language));
            }

            if (query.VisitType == Domain.Hospital.VisitType.Video)
            {
                doctors = doctors.Where(d => d.OffersVideoVisits);
            }

            var rows = await (
                from d in doctors
                join dep in db.Departments on d.DepartmentId equals dep.Id
                join f in db.Facilities on dep.FacilityId equals f.Id
                select new { Doctor = d, Department = new DepartmentRef(dep.Id, dep.Name, dep.NameEn), Facility = new FacilityRef(f.Id, f.Name, f.NameEn) })
                .ToListAsync(cancellationToken);

            // Note: each doctor's free time comes from the availability cache (one query per doctor only when cold).
            var next = new Dictionary<Guid, (DateTimeOffset Next, int Count)>();
            foreach (var row in rows)
            {
                var free = (await FreeSlots.ForDoctorAsync(db, availability, row.Doctor.Id, now, cancellationToken)).FreeSlots
                    .Where(s => s.Start > now && FreeSlots.Offers(s, query.VisitType) && (query.Date is not { } date || s.LocalDate == date))
                    .ToList();
                if (free.Count > 0)
                {
                    next[row.Doctor.Id] = (free[0].Start, free.Count);
                }
            }

            var today = SlotClock.Today(clock, hospital.Value);

            // Note: a day filter means "free on that day"; without it, doctors with nothing free are listed last.
            return rows
                .Select(r => (Row: r, Next: next.TryGetValue(r.Doctor.Id, out var n) ? n.Next : (DateTimeOffset?)null, Count: n.Count))
                .Where(r => query.Date is null || r.Next is not null)
                .OrderBy(r => r.Next is null).ThenBy(r => r.Next).ThenBy(r => r.Row.Doctor.FullName, NameOrder.Comparer)
                .Select(r => DoctorCard.From(r.Row.Doctor, r.Row.Department, r.Row.Facility, today, r.Next, r.Count))
                .ToList();
        }
    }
}

public sealed record DoctorCard(
    Guid Id,
    string Name,
    string Title,
    string TitleEn,
    DepartmentRef Department,
    FacilityRef Facility,
    string Specialties,
    string SpecialtiesEn,
    IReadOnlyList<string> Languages,
    bool HasPhoto,
    bool IsFamilyDoctor,
    bool OffersVideo,
    decimal InPersonFee,
    decimal VideoFee,
    DateTimeOffset? NextFreeSlot,
    int FreeSlots)
{
    public static DoctorCard From(Doctor d, DepartmentRef department, FacilityRef facility, DateOnly today, DateTimeOffset? next, int count) => new(
        d.Id, d.FullName, d.Title, d.TitleEn, department, facility, d.Specialties, d.SpecialtiesEn, d.Languages, d.PhotoFileId is not null,
        d.IsFamilyDoctor, d.CanSeeOnVideo(today), d.InPersonFee, d.VideoFee, next, count);
}

/// <summary>A doctor's page: the profile with biography, and the next free times.</summary>
public sealed record GetDoctorPage(Guid DoctorId) : IQuery<DoctorPage>
{
    public sealed class Handler(IAppDbContext db, IAvailabilityCache availability, IOptions<HospitalOptions> hospital, IOptions<PaymentOptions> payments, TimeProvider clock)
        : IQueryHandler<GetDoctorPage, DoctorPage>
    {
        public async ValueTask<DoctorPage> Handle(GetDoctorPage query, CancellationToken cancellationToken)
        {
            var row = await (
                from d in db.Doctors.AsNoTracking()
                join dep in db.Departments on d.DepartmentId equals dep.Id
                join f in db.Facilities on dep.FacilityId equals f.Id
                where d.Id == query.DoctorId
                select new { Doctor = d, Department = new DepartmentRef(dep.Id, dep.Name, dep.NameEn), Facility = new FacilityRef(f.Id, f.Name, f.NameEn) })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Doctor", query.DoctorId);
            var now = clock.GetUtcNow();
            var next = (await FreeSlots.ForDoctorAsync(db, availability, query.DoctorId, now, cancellationToken)).FreeSlots.Where(s => s.Start > now).Take(12).ToList();
            var card = DoctorCard.From(row.Doctor, row.Department, row.Facility, SlotClock.Today(clock, hospital.Value), next.FirstOrDefault()?.Start, next.Count);
            return new DoctorPage(card, row.Doctor.Bio, row.Doctor.BioEn, hospital.Value.TimeZone, payments.Value.Currency, next);
        }
    }
}

/// <param name="Currency">The fees' currency (the hospital's payment currency).</param>
public sealed record DoctorPage(DoctorCard Doctor, string Bio, string BioEn, string TimeZone, string Currency, IReadOnlyList<FreeSlotView> NextFreeSlots);

/// <summary>A doctor's free times over some days (the booking wizard's first step and rescheduling).</summary>
public sealed record ListFreeSlots(Guid DoctorId, DateOnly? From = null, int Days = 7, VisitType? VisitType = null) : IQuery<FreeSlotList>
{
    public sealed class Validator : AbstractValidator<ListFreeSlots>
    {
        public Validator()
        {
            RuleFor(x => x.Days).InclusiveBetween(1, 31);
            RuleFor(x => x.VisitType).IsInEnum().When(x => x.VisitType is not null);
        }
    }

    public sealed class Handler(IAppDbContext db, IAvailabilityCache availability, IOptions<HospitalOptions> hospital, TimeProvider clock) : IQueryHandler<ListFreeSlots, FreeSlotList>
    {
        public async ValueTask<FreeSlotList> Handle(ListFreeSlots query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var cached = await FreeSlots.ForDoctorAsync(db, availability, query.DoctorId, now, cancellationToken);
            if (!cached.DoctorExists)
            {
                throw new NotFoundException("Doctor", query.DoctorId);
            }

            var from = query.From ?? SlotClock.Today(clock, hospital.Value);
            var until = from.AddDays(query.Days);
            var slots = cached.FreeSlots
                .Where(s => s.Start > now && s.LocalDate >= from && s.LocalDate < until && FreeSlots.Offers(s, query.VisitType))
                .ToList();
            return new FreeSlotList(query.DoctorId, hospital.Value.TimeZone, from, query.Days, slots);
        }
    }
}

public sealed record FreeSlotList(Guid DoctorId, string TimeZone, DateOnly From, int Days, IReadOnlyList<FreeSlotView> Slots);

public sealed record FreeSlotView(Guid Id, DateTimeOffset Start, DateTimeOffset End, DateOnly LocalDate, bool OffersInPerson, bool OffersVideo)
{
    public static FreeSlotView From(Slot s) => new(s.Id, s.Start, s.End, s.LocalDate, s.OffersInPerson, s.OffersVideo);
}

/// <summary>A doctor's portrait, for anyone signed in.</summary>
public sealed record GetDoctorPhoto(Guid DoctorId) : IQuery<FileDownload>
{
    public sealed class Handler(IAppDbContext db, IFileStore files) : IQueryHandler<GetDoctorPhoto, FileDownload>
    {
        public async ValueTask<FileDownload> Handle(GetDoctorPhoto query, CancellationToken cancellationToken)
        {
            var fileId = await db.Doctors.Where(d => d.Id == query.DoctorId).Select(d => d.PhotoFileId).SingleOrDefaultAsync(cancellationToken);
            var download = fileId is { } id ? await files.OpenAsync(id, cancellationToken) : null;
            return download ?? throw new NotFoundException("Photo");
        }
    }
}

/// <summary>Open, future slots that no live appointment holds.</summary>
internal static class FreeSlots
{
    public static IQueryable<Slot> Query(IAppDbContext db, DateTimeOffset now, VisitType? visitType)
    {
        var slots = db.Slots.AsNoTracking().Where(s => s.Status == SlotStatus.Open && s.Start > now && !db.Appointments.Any(a => a.OccupiedSlotId == s.Id));
        return visitType switch
        {
            VisitType.Video => slots.Where(s => s.OffersVideo),
            VisitType.InPerson => slots.Where(s => s.OffersInPerson),
            _ => slots,
        };
    }

    public static bool Offers(FreeSlotView slot, VisitType? visitType) => visitType switch
    {
        VisitType.Video => slot.OffersVideo,
        VisitType.InPerson => slot.OffersInPerson,
        _ => true,
    };

    /// <summary>The doctor's free slots from the availability cache, read from the database when it has none.</summary>
    public static ValueTask<DoctorAvailability> ForDoctorAsync(IAppDbContext db, IAvailabilityCache cache, Guid doctorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        cache.GetAsync(doctorId, async ct =>
        {
            if (!await db.Doctors.AnyAsync(d => d.Id == doctorId, ct))
            {
                return DoctorAvailability.NoSuchDoctor;
            }

            var slots = await Query(db, now, null)
                .Where(s => s.DoctorId == doctorId)
                .OrderBy(s => s.Start)
                .Select(s => new FreeSlotView(s.Id, s.Start, s.End, s.LocalDate, s.OffersInPerson, s.OffersVideo))
                .ToListAsync(ct);
            return new DoctorAvailability(true, slots);
        }, cancellationToken);
}
