using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.FamilyDoctors;

/// <summary>
/// A family-doctor service package (服务包), e.g. basic public health services, hypertension management, diabetes
/// management or elderly care: what the contract includes, and the follow-up plan the team starts on signing.
/// </summary>
public sealed class ServicePackage
{
    private ServicePackage()
    {
        Code = Name = NameEn = Description = DescriptionEn = Includes = IncludesEn = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Stable code, e.g. <c>hypertension</c>.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }
    public string NameEn { get; private set; }
    public string Description { get; private set; }
    public string DescriptionEn { get; private set; }

    /// <summary>What the package includes, one item per line (Chinese).</summary>
    public string Includes { get; private set; }

    /// <summary>What the package includes, one item per line (English).</summary>
    public string IncludesEn { get; private set; }

    /// <summary>The yearly fee the patient pays at the centre (0 for the basic package, which public funds cover).</summary>
    public decimal AnnualFee { get; private set; }

    /// <summary>The chronic condition the package manages (a <see cref="ChronicConditions"/> code), if any.</summary>
    public string? ConditionCode { get; private set; }

    /// <summary>The follow-up plan started when a contract with this package is accepted (a <see cref="FollowUpTemplates"/> code).</summary>
    public string? FollowUpTemplateCode { get; private set; }

    /// <summary>Counts the admins' saved edits (see <see cref="Revise"/>).</summary>
    public int Version { get; private set; }

    /// <summary>An admin's edit, made from the package as it stood at <paramref name="seenVersion"/>; refused if someone saved since.</summary>
    public void Revise(int seenVersion)
    {
        if (seenVersion != Version)
        {
            throw new DomainConflictException("package_changed", "Someone else changed this package since you opened it. Reload to see their change, then make yours.");
        }

        Version++;
    }

    public int DisplayOrder { get; private set; }

    public static ServicePackage Create(
        string code,
        string name,
        string nameEn,
        string description,
        string descriptionEn,
        IEnumerable<string> includes,
        IEnumerable<string> includesEn,
        decimal annualFee,
        string? conditionCode,
        string? followUpTemplateCode,
        int displayOrder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var package = new ServicePackage { Id = NewId.Next(), Code = code };
        package.Update(name, nameEn, description, descriptionEn, includes, includesEn, annualFee, conditionCode, followUpTemplateCode, displayOrder);
        return package;
    }

    /// <summary>
    /// Changes what the package offers. The code stays: contracts and the SPA refer to it. Signed contracts keep the
    /// package id, so a changed fee applies from the next signing or renewal.
    /// </summary>
    public void Update(
        string name,
        string nameEn,
        string description,
        string descriptionEn,
        IEnumerable<string> includes,
        IEnumerable<string> includesEn,
        decimal annualFee,
        string? conditionCode,
        string? followUpTemplateCode,
        int displayOrder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (conditionCode is not null && !ChronicConditions.IsKnown(conditionCode))
        {
            throw new ArgumentException($"Unknown condition '{conditionCode}'.", nameof(conditionCode));
        }

        if (followUpTemplateCode is not null && FollowUpTemplates.Find(followUpTemplateCode) is null)
        {
            throw new ArgumentException($"Unknown follow-up template '{followUpTemplateCode}'.", nameof(followUpTemplateCode));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(annualFee);
        Name = name.Trim();
        NameEn = nameEn.Trim();
        Description = description.Trim();
        DescriptionEn = descriptionEn.Trim();
        Includes = string.Join('\n', includes.Select(i => i.Trim()).Where(i => i.Length > 0));
        IncludesEn = string.Join('\n', includesEn.Select(i => i.Trim()).Where(i => i.Length > 0));
        AnnualFee = annualFee;
        ConditionCode = conditionCode;
        FollowUpTemplateCode = followUpTemplateCode;
        DisplayOrder = displayOrder;
    }
}
