using InternetHospital.Domain.Notifications;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Guests;

/// <summary>
/// The visit's doctor (or its patient, for a relative, where the hospital allows it) invites a guest without an account
/// by e-mail: a single-use link for this visit only, valid until the visit ends or <c>Video:GuestLinkLifetime</c> passes.
/// The e-mail is in the inviter's language and says nothing medical: the hospital, the role, the link and until when.
/// Guests count against the room's size with the patient, the doctor and the specialists (<c>too_many_participants</c>).
/// Note: e-mail only. The SMS templates take names, times and codes (SmsParameterKind), never a link, and a provider
/// approves each template's variables; a link variable would be a new kind of template to file, not one to add here.
/// </summary>
public sealed record InviteGuest(Guid VisitId, GuestRole Role, string Email) : ICommand<VisitGuestDto>
{
    public sealed class Validator : AbstractValidator<InviteGuest>
    {
        public Validator()
        {
            RuleFor(x => x.Role).IsInEnum();
            RuleFor(x => x.Email).NotEmpty().MaximumLength(256).EmailAddress();
        }
    }

    public sealed class Handler(
        IAppDbContext db,
        VisitAccess access,
        ICurrentUser currentUser,
        IAccountService accounts,
        IAuditLog audit,
        IVisitRoom room,
        IAfterCommit afterCommit,
        Media.CallMedia media,
        IOptions<VideoOptions> options,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : ICommandHandler<InviteGuest, VisitGuestDto>
    {
        public async ValueTask<VisitGuestDto> Handle(InviteGuest command, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(command.VisitId, cancellationToken);
            if (role == VisitRole.Patient)
            {
                if (!options.Value.PatientsMayInviteGuests || command.Role != GuestRole.Relative)
                {
                    throw new ForbiddenAccessException("guest_invite_not_allowed", "Only the doctor can invite this guest.");
                }
            }
            else
            {
                VisitAccess.EnsureDoctor(role);
            }

            visit.EnsureNotFinished();

            // Note: a guest takes a place in the call like a specialist: invitations beyond the media path's room size
            // would only be turned away by the hub's call_full once the room is full.
            visit.EnsureRoomForGuest(media.MaxParticipants, await access.ActiveGuestCountAsync(visit.Id, cancellationToken));
            var accountId = currentUser.RequireAccountId();
            var now = clock.GetUtcNow();
            var token = GuestLinks.NewToken();
            var guest = VisitGuest.Invite(visit.Id, command.Role, GuestLinks.Hash(token), command.Email.Trim(), accountId, now + options.Value.GuestLinkLifetime, now);
            db.VisitGuests.Add(guest);
            audit.Record("visit.guest_invited", "VideoVisit", visit.Id.ToString(), visit.PatientId, $"{guest.Id} {command.Role}");

            var inviter = await accounts.FindAsync(accountId, cancellationToken);
            var language = inviter?.PreferredLanguage == SupportedLanguages.English ? SupportedLanguages.English : SupportedLanguages.Chinese;
            db.EmailOutbox.Add(Invitation(guest, token, language, now));
            afterCommit.Enqueue(ct => room.BroadcastAsync(visit.Id, VisitRoomEvents.GuestsChanged, new GuestsChangedEvent(visit.Id), ct));
            return new VisitGuestDto(
                guest.Id, guest.Role, null, guest.Email, inviter?.FullName ?? string.Empty, guest.InvitedAt, guest.ExpiresAt, "invited", null, null, false);
        }

        private EmailMessage Invitation(VisitGuest guest, string token, string language, DateTimeOffset now)
        {
            var settings = hospital.Value;
            var link = settings.PublicUrl.TrimEnd('/') + GuestLinks.PathPrefix + token;
            var until = TimeZoneInfo.ConvertTime(guest.ExpiresAt, settings.TimeZoneInfo).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            if (language == SupportedLanguages.English)
            {
                var role = guest.Role switch { GuestRole.Interpreter => "an interpreter", GuestRole.Carer => "a carer", _ => "a relative" };
                return EmailMessage.Create(
                    guest.Email,
                    $"{settings.NameEn}: you are invited to a video visit",
                    $"Hello,\n\nYou are invited to join a video visit at {settings.NameEn} as {role}. Open this link on the phone or computer you will use " +
                    $"(it works on one device only), enter your name, check your camera and microphone, and wait until the doctor lets you in:\n{link}\n\n" +
                    $"The link is valid until {until} (Beijing time) or until the visit ends. If you did not expect this, ignore this e-mail.\n",
                    now);
            }

            var roleZh = guest.Role switch { GuestRole.Interpreter => "翻译", GuestRole.Carer => "护理人员", _ => "家属" };
            return EmailMessage.Create(
                guest.Email,
                $"{settings.Name}：视频问诊邀请",
                $"您好：\n\n{settings.Name}邀请您以{roleZh}身份加入一次视频问诊。请在您要使用的手机或电脑上打开以下链接（仅限一台设备使用），" +
                $"填写姓名，检查摄像头和麦克风后，等待医生让您进入：\n{link}\n\n链接有效期至{until}（北京时间）或问诊结束时。如非您本人预期，请忽略本邮件。\n",
                now);
        }
    }
}

public sealed record GuestsChangedEvent(Guid VisitId);
