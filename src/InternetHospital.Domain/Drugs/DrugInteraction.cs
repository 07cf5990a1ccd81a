using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Drugs;

public enum InteractionSeverity
{
    Minor = 1,
    Moderate = 2,
    Major = 3,
    Contraindicated = 4,
}

/// <summary>
/// A known interaction between two substances (by ATC code, so every strength and form is covered). The pair is stored
/// in a canonical order so that each pair exists once.
/// </summary>
public sealed class DrugInteraction
{
    private DrugInteraction()
    {
        AtcA = AtcB = Advice = AdviceEn = string.Empty;
    }

    public Guid Id { get; private set; }
    public string AtcA { get; private set; }
    public string AtcB { get; private set; }
    public InteractionSeverity Severity { get; private set; }

    /// <summary>What happens and what to do, in Chinese.</summary>
    public string Advice { get; private set; }

    public string AdviceEn { get; private set; }

    public static DrugInteraction Create(string atc1, string atc2, InteractionSeverity severity, string advice, string adviceEn)
    {
        var (a, b) = Order(atc1, atc2);
        if (a == b)
        {
            throw new ArgumentException("An interaction needs two different substances.");
        }

        return new DrugInteraction { Id = NewId.Next(), AtcA = a, AtcB = b, Severity = severity, Advice = advice, AdviceEn = adviceEn };
    }

    public static (string A, string B) Order(string atc1, string atc2) =>
        string.CompareOrdinal(atc1, atc2) <= 0 ? (atc1, atc2) : (atc2, atc1);

    public bool Involves(string atc1, string atc2) => (AtcA, AtcB) == Order(atc1, atc2);

    public void UpdateFrom(DrugInteraction source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Severity = source.Severity;
        Advice = source.Advice;
        AdviceEn = source.AdviceEn;
    }
}
