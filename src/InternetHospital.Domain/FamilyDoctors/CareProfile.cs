namespace InternetHospital.Domain.FamilyDoctors;

/// <summary>
/// Stored as a number so the panel can sort by it (higher is riskier).
/// </summary>
public enum RiskLevel
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>
/// What the family-doctor panel knows about a signed patient beyond the contract: the team's risk assessment, the
/// chronic conditions the panel is organised by, and how many prescription-renewal requests wait (kept here by the
/// renewals feature through <c>PendingRenewalsChanged</c>, so the panel can filter on it in SQL). One per patient;
/// it outlives a contract so the next team starts from it.
/// </summary>
public sealed class CareProfile
{
    private readonly List<CareCondition> conditions = [];

    private CareProfile()
    {
    }

    public Guid PatientId { get; private set; }
    public RiskLevel RiskLevel { get; private set; }
    public int PendingRenewalRequests { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? AssessedByDoctorId { get; private set; }

    public IReadOnlyList<CareCondition> Conditions => conditions;

    public IEnumerable<string> ConditionCodes => conditions.Select(c => c.Code);

    /// <summary>A new profile: medium risk when a chronic condition is known, low otherwise, until the team assesses.</summary>
    public static CareProfile Create(Guid patientId, IEnumerable<string> conditionCodes, DateTimeOffset now)
    {
        var profile = new CareProfile { PatientId = patientId, UpdatedAt = now };
        profile.SetConditions(conditionCodes);
        profile.RiskLevel = profile.conditions.Count > 0 ? RiskLevel.Medium : RiskLevel.Low;
        return profile;
    }

    /// <summary>Adds conditions found later (e.g. from the HIS or a new package) without removing the team's own.</summary>
    public void AddConditions(IEnumerable<string> conditionCodes, DateTimeOffset now)
    {
        SetConditions(ConditionCodes.Concat(conditionCodes));
        UpdatedAt = now;
    }

    public void Assess(RiskLevel risk, IEnumerable<string> conditionCodes, Guid doctorId, DateTimeOffset now)
    {
        if (!Enum.IsDefined(risk))
        {
            throw new ArgumentOutOfRangeException(nameof(risk));
        }

        RiskLevel = risk;
        SetConditions(conditionCodes);
        AssessedByDoctorId = doctorId;
        UpdatedAt = now;
    }

    public void SetPendingRenewalRequests(int count, DateTimeOffset now)
    {
        PendingRenewalRequests = Math.Max(0, count);
        UpdatedAt = now;
    }

    private void SetConditions(IEnumerable<string> conditionCodes)
    {
        var wanted = conditionCodes.Distinct(StringComparer.Ordinal).ToList();
        var unknown = wanted.FirstOrDefault(c => !ChronicConditions.IsKnown(c));
        if (unknown is not null)
        {
            throw new Common.DomainRuleException("unknown_condition", $"'{unknown}' is not a condition the panel tracks.");
        }

        conditions.RemoveAll(c => !wanted.Contains(c.Code, StringComparer.Ordinal));
        foreach (var code in wanted.Where(code => conditions.TrueForAll(c => c.Code != code)))
        {
            conditions.Add(new CareCondition(PatientId, code));
        }
    }
}

public sealed class CareCondition
{
    private CareCondition()
    {
        Code = string.Empty;
    }

    internal CareCondition(Guid patientId, string code)
    {
        PatientId = patientId;
        Code = code;
    }

    public Guid PatientId { get; private set; }

    /// <summary>A <see cref="ChronicConditions"/> code.</summary>
    public string Code { get; private set; }
}
