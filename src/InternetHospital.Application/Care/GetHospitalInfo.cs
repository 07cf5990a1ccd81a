using InternetHospital.Application.Appointments;
using InternetHospital.Application.Payments;

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
