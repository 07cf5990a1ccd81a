using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Drugs;

/// <summary>
/// How a drug is controlled. Anything but <see cref="Ordinary"/> is special-control: it can never be prescribed or
/// renewed online (domain rule 8).
/// </summary>
public enum ControlCategory
{
    Ordinary = 1,
    Narcotic = 2,
    Psychotropic = 3,
    Toxic = 4,
    Radioactive = 5,

    /// <summary>Restricted by the hospital itself (domain rule 8: "and others the hospital flags").</summary>
    HospitalRestricted = 6,
}

/// <summary>
/// One entry of the hospital's drug catalogue (reference data): a product at one strength in one form, with what the
/// online rules and the pharmacist's automated checks need to know about it.
/// </summary>
public sealed class Drug
{
    private Drug()
    {
        Code = AtcCode = GenericName = GenericNameEn = Strength = Form = FormEn = DoseUnit = AllergyGroups = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The catalogue's own code, e.g. <c>C08CA01-5</c> (ATC code and strength).</summary>
    public string Code { get; private set; }

    /// <summary>WHO ATC code of the substance (7 characters), e.g. <c>C08CA01</c>.</summary>
    public string AtcCode { get; private set; }

    /// <summary>Generic name in Chinese (通用名).</summary>
    public string GenericName { get; private set; }

    public string GenericNameEn { get; private set; }

    /// <summary>Strength as printed, e.g. <c>5 mg</c> or <c>300 U/3 mL</c>.</summary>
    public string Strength { get; private set; }

    /// <summary>How much of <see cref="DoseUnit"/> one dispensing unit (tablet, capsule, pen) holds.</summary>
    public decimal StrengthValue { get; private set; }

    /// <summary>The unit doses are written in: <c>mg</c>, <c>µg</c>, <c>U</c>, <c>MBq</c>.</summary>
    public string DoseUnit { get; private set; }

    /// <summary>Dosage form in Chinese, e.g. 片.</summary>
    public string Form { get; private set; }

    public string FormEn { get; private set; }

    /// <summary>The usual adult dose per day, in <see cref="DoseUnit"/>.</summary>
    public decimal MinDailyDose { get; private set; }

    public decimal MaxDailyDose { get; private set; }

    /// <summary>The longest supply one prescription may give (the long-prescription limit may be lower still).</summary>
    public int MaxDaysSupply { get; private set; }

    public ControlCategory ControlCategory { get; private set; }

    /// <summary>Youngest age (years) the drug is for; a patient below it is flagged.</summary>
    public int? MinAge { get; private set; }

    /// <summary>Age (years) from which the drug is best avoided (e.g. Beers criteria); a patient at or above it is flagged.</summary>
    public int? MaxAge { get; private set; }

    /// <summary>
    /// Words an allergy record may use for this drug or its class, separated by <c>;</c> (e.g. <c>penicillin;青霉素;β-lactam</c>).
    /// The generic names always count.
    /// </summary>
    public string AllergyGroups { get; private set; }

    public bool IsSpecialControl => ControlCategory != ControlCategory.Ordinary;

    /// <summary>ATC level 4 (chemical subgroup, 5 characters): two different drugs in one subgroup are duplicate therapy.</summary>
    public string TherapeuticClass => AtcCode.Length >= 5 ? AtcCode[..5] : AtcCode;

    public static Drug Create(
        string code,
        string atcCode,
        string genericName,
        string genericNameEn,
        string strength,
        decimal strengthValue,
        string doseUnit,
        string form,
        string formEn,
        decimal minDailyDose,
        decimal maxDailyDose,
        int maxDaysSupply,
        ControlCategory controlCategory = ControlCategory.Ordinary,
        int? minAge = null,
        int? maxAge = null,
        string allergyGroups = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(atcCode);
        if (strengthValue <= 0 || minDailyDose < 0 || maxDailyDose < minDailyDose || maxDaysSupply < 1)
        {
            throw new ArgumentException($"Catalogue entry {code} has inconsistent strength, dose range or days supply.");
        }

        return new Drug
        {
            Id = NewId.Next(),
            Code = code,
            AtcCode = atcCode,
            GenericName = genericName,
            GenericNameEn = genericNameEn,
            Strength = strength,
            StrengthValue = strengthValue,
            DoseUnit = doseUnit,
            Form = form,
            FormEn = formEn,
            MinDailyDose = minDailyDose,
            MaxDailyDose = maxDailyDose,
            MaxDaysSupply = maxDaysSupply,
            ControlCategory = controlCategory,
            MinAge = minAge,
            MaxAge = maxAge,
            AllergyGroups = allergyGroups,
        };
    }

    /// <summary>Brings a seeded entry in line with the bundled catalogue (reference data is corrected by new releases).</summary>
    public void UpdateFrom(Drug source)
    {
        ArgumentNullException.ThrowIfNull(source);
        AtcCode = source.AtcCode;
        GenericName = source.GenericName;
        GenericNameEn = source.GenericNameEn;
        Strength = source.Strength;
        StrengthValue = source.StrengthValue;
        DoseUnit = source.DoseUnit;
        Form = source.Form;
        FormEn = source.FormEn;
        MinDailyDose = source.MinDailyDose;
        MaxDailyDose = source.MaxDailyDose;
        MaxDaysSupply = source.MaxDaysSupply;
        ControlCategory = source.ControlCategory;
        MinAge = source.MinAge;
        MaxAge = source.MaxAge;
        AllergyGroups = source.AllergyGroups;
    }

    /// <summary>Whether an allergy record (free text such as <c>青霉素 Penicillin</c>) names this drug or its class.</summary>
    public bool MatchesAllergy(string substance)
    {
        if (string.IsNullOrWhiteSpace(substance))
        {
            return false;
        }

        return AllergyGroups.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Append(GenericName)
            .Append(GenericNameEn)
            .Where(word => word.Length > 1)
            .Any(word => substance.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>How many dispensing units (tablets, pens, ...) a daily dose needs for a number of days.</summary>
    public int QuantityFor(decimal dailyDose, int days) =>
        (int)Math.Ceiling(dailyDose * days / StrengthValue);
}

/// <summary>Maps a drug code used by the HIS to the catalogue entry it means.</summary>
public sealed class DrugCodeMapping
{
    private DrugCodeMapping()
    {
        HisCode = string.Empty;
    }

    public Guid Id { get; private set; }
    public string HisCode { get; private set; }
    public Guid DrugId { get; private set; }

    public static DrugCodeMapping Create(string hisCode, Guid drugId) => new()
    {
        Id = NewId.Next(),
        HisCode = hisCode,
        DrugId = drugId,
    };

    public void PointTo(Guid drugId) => DrugId = drugId;
}
