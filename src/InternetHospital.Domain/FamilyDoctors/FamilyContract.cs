using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.FamilyDoctors;

public enum ContractStatus
{
    /// <summary>The patient applied; the team has not decided.</summary>
    Pending = 1,
    Active = 2,
    Declined = 3,

    /// <summary>The patient withdrew the application before the team decided.</summary>
    Withdrawn = 4,

    /// <summary>Ended early by the patient or the team, with a reason.</summary>
    Ended = 5,

    /// <summary>Ran to its end without being renewed.</summary>
    Expired = 6,
}

/// <summary>Who did something to a contract.</summary>
public enum ContractParty
{
    Patient = 1,
    Team = 2,
    System = 3,
}

/// <summary>
/// A family-doctor contract (家庭医生签约): a patient and a team, for one year from the team's acceptance, renewable
/// from 30 days before its end, ended early by either side with a reason. A patient has at most one pending or
/// active contract (the database backs this with a filtered unique index). Contracts are never deleted; every
/// change is kept as a <see cref="ContractEvent"/>.
/// </summary>
public sealed class FamilyContract
{
    public const int MaxReasonLength = 500;

    /// <summary>Renewal opens this long before the end, and the reminder goes out then.</summary>
    public static readonly TimeSpan RenewalWindow = TimeSpan.FromDays(30);

    private readonly List<ContractEvent> events = [];

    private FamilyContract()
    {
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid TeamId { get; private set; }
    public Guid PackageId { get; private set; }
    public ContractStatus Status { get; private set; }
    public DateTimeOffset AppliedAt { get; private set; }
    public Guid AppliedByAccountId { get; private set; }

    /// <summary>What the patient wrote when applying (optional).</summary>
    public string? ApplicationNote { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedByDoctorId { get; private set; }
    public string? DeclineReason { get; private set; }

    /// <summary>When the team accepted: the contract runs from here.</summary>
    public DateTimeOffset? StartsAt { get; private set; }

    public DateTimeOffset? EndsAt { get; private set; }

    /// <summary>How many yearly terms have been signed (1 on acceptance, +1 per renewal).</summary>
    public int Terms { get; private set; }

    public DateTimeOffset? RenewalRequestedAt { get; private set; }
    public DateTimeOffset? RenewalReminderSentAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }
    public ContractParty? EndedBy { get; private set; }
    public string? EndReason { get; private set; }

    /// <summary>Optimistic concurrency: two team members deciding at once cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ContractEvent> Events => events;

    public DateTimeOffset? RenewalOpensAt => EndsAt - RenewalWindow;

    public static FamilyContract Apply(Guid patientId, Guid teamId, Guid packageId, Guid applicantAccountId, string? note, DateTimeOffset now)
    {
        var contract = new FamilyContract
        {
            Id = NewId.Next(),
            PatientId = patientId,
            TeamId = teamId,
            PackageId = packageId,
            Status = ContractStatus.Pending,
            AppliedAt = now,
            AppliedByAccountId = applicantAccountId,
            ApplicationNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        contract.Record(now, "applied", ContractParty.Patient, applicantAccountId, null);
        return contract;
    }

    /// <summary>In force at this moment: accepted, not ended, and before its end (even if the expiry job has not run yet).</summary>
    public bool IsActiveAt(DateTimeOffset now) => Status == ContractStatus.Active && EndsAt > now;

    public bool IsInRenewalWindow(DateTimeOffset now) => IsActiveAt(now) && now >= RenewalOpensAt;

    /// <summary>Whether the renewal reminder is due: the window is open and neither a reminder nor a request exists.</summary>
    public bool IsRenewalReminderDue(DateTimeOffset now) =>
        IsInRenewalWindow(now) && RenewalReminderSentAt is null && RenewalRequestedAt is null;

    public void Accept(Guid doctorId, Guid actorAccountId, DateTimeOffset now)
    {
        RequireStatus(ContractStatus.Pending, "contract_not_pending", "Only a pending application can be accepted.");
        Status = ContractStatus.Active;
        DecidedAt = now;
        DecidedByDoctorId = doctorId;
        StartsAt = now;
        EndsAt = now.AddYears(1);
        Terms = 1;
        Record(now, "accepted", ContractParty.Team, actorAccountId, null);
    }

    public void Decline(Guid doctorId, Guid actorAccountId, string reason, DateTimeOffset now)
    {
        var why = RequireReason(reason);
        RequireStatus(ContractStatus.Pending, "contract_not_pending", "Only a pending application can be declined.");
        Status = ContractStatus.Declined;
        DecidedAt = now;
        DecidedByDoctorId = doctorId;
        DeclineReason = why;
        Record(now, "declined", ContractParty.Team, actorAccountId, why);
    }

    public void Withdraw(Guid actorAccountId, DateTimeOffset now)
    {
        RequireStatus(ContractStatus.Pending, "contract_not_pending", "Only a pending application can be withdrawn.");
        Status = ContractStatus.Withdrawn;
        Record(now, "withdrawn", ContractParty.Patient, actorAccountId, null);
    }

    public void RequestRenewal(Guid actorAccountId, DateTimeOffset now)
    {
        RequireActive(now);
        if (!IsInRenewalWindow(now))
        {
            throw new DomainRuleException("renewal_not_open", $"Renewal opens {RenewalWindow.TotalDays:0} days before the contract ends.");
        }

        if (RenewalRequestedAt is not null)
        {
            throw new DomainConflictException("renewal_already_requested", "A renewal has already been requested.");
        }

        RenewalRequestedAt = now;
        Record(now, "renewal_requested", ContractParty.Patient, actorAccountId, null);
    }

    /// <summary>Extends the contract by a year from its current end (renewing early loses no days).</summary>
    public void AcceptRenewal(Guid doctorId, Guid actorAccountId, DateTimeOffset now)
    {
        RequireActive(now);
        RequireRenewalRequested();
        EndsAt = EndsAt!.Value.AddYears(1);
        Terms++;
        DecidedByDoctorId = doctorId;
        RenewalRequestedAt = null;
        RenewalReminderSentAt = null;
        Record(now, "renewed", ContractParty.Team, actorAccountId, null);
    }

    public void DeclineRenewal(Guid doctorId, Guid actorAccountId, string reason, DateTimeOffset now)
    {
        var why = RequireReason(reason);
        RequireActive(now);
        RequireRenewalRequested();
        RenewalRequestedAt = null;
        DecidedByDoctorId = doctorId;
        Record(now, "renewal_declined", ContractParty.Team, actorAccountId, why);
    }

    /// <summary>Either side ends the contract before its end, with a reason.</summary>
    public void End(ContractParty party, Guid actorAccountId, string reason, DateTimeOffset now)
    {
        var why = RequireReason(reason);
        if (party == ContractParty.System)
        {
            throw new ArgumentException("Only the patient or the team can end a contract early.", nameof(party));
        }

        RequireActive(now);
        Status = ContractStatus.Ended;
        EndedAt = now;
        EndedBy = party;
        EndReason = why;
        RenewalRequestedAt = null;
        Record(now, "ended", party, actorAccountId, why);
    }

    /// <summary>Marks an active contract whose end has passed as expired. Returns false when it is not due.</summary>
    public bool Expire(DateTimeOffset now)
    {
        if (Status != ContractStatus.Active || EndsAt > now)
        {
            return false;
        }

        Status = ContractStatus.Expired;
        EndedAt = EndsAt;
        EndedBy = ContractParty.System;
        RenewalRequestedAt = null;
        Record(now, "expired", ContractParty.System, null, null);
        return true;
    }

    public void MarkRenewalReminderSent(DateTimeOffset now)
    {
        if (!IsRenewalReminderDue(now))
        {
            throw new DomainConflictException("renewal_reminder_not_due", "The renewal reminder is not due.");
        }

        RenewalReminderSentAt = now;
        Record(now, "renewal_reminder_sent", ContractParty.System, null, null);
    }

    private void RequireActive(DateTimeOffset now)
    {
        if (!IsActiveAt(now))
        {
            throw new DomainConflictException("contract_not_active", "The contract is not active.");
        }
    }

    private void RequireRenewalRequested()
    {
        if (RenewalRequestedAt is null)
        {
            throw new DomainConflictException("renewal_not_requested", "No renewal has been requested.");
        }
    }

    private void RequireStatus(ContractStatus status, string code, string message)
    {
        if (Status != status)
        {
            throw new DomainConflictException(code, message);
        }
    }

    private static string RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("reason_required", "A reason is required.");
        }

        var trimmed = reason.Trim();
        return trimmed.Length > MaxReasonLength ? trimmed[..MaxReasonLength] : trimmed;
    }

    private void Record(DateTimeOffset now, string type, ContractParty party, Guid? actorAccountId, string? reason)
    {
        Version++;
        events.Add(new ContractEvent(NewId.Next(), Id, Version, now, type, party, actorAccountId, reason));
    }
}

/// <summary>One step in a contract's history (domain rule 11: who, when, what).</summary>
public sealed class ContractEvent
{
    private ContractEvent()
    {
        Type = string.Empty;
    }

    internal ContractEvent(Guid id, Guid contractId, int sequence, DateTimeOffset at, string type, ContractParty party, Guid? actorAccountId, string? reason)
    {
        Id = id;
        ContractId = contractId;
        Sequence = sequence;
        At = at;
        Type = type;
        Party = party;
        ActorAccountId = actorAccountId;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }
    public int Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary><c>applied</c>, <c>accepted</c>, <c>declined</c>, <c>withdrawn</c>, <c>renewal_requested</c>, <c>renewed</c>, ...</summary>
    public string Type { get; private set; }

    public ContractParty Party { get; private set; }
    public Guid? ActorAccountId { get; private set; }
    public string? Reason { get; private set; }
}
