using InternetHospital.Application.Common.Icd10;

namespace InternetHospital.UnitTests.VideoVisits;

public sealed class Icd10CatalogTests
{
    [Theory]
    [InlineData("I10", "I10")]
    [InlineData("e11.9", "E11.9")]
    [InlineData("E119", "E11.9")]
    [InlineData("高血压", "I10")]
    [InlineData("essential hypertension", "I10")]
    [InlineData("Type 2 diabetes renal", "E11.2")]
    public void Finds_codes_by_code_or_words_of_either_language(string query, string expected)
    {
        Assert.Contains(Icd10Catalog.Instance.Search(query, 20), e => e.Code == expected);
    }

    [Fact]
    public void Every_row_of_the_bundled_list_has_a_code_and_both_titles_once()
    {
        var entries = Icd10Catalog.Instance.Entries;

        Assert.True(entries.Count > 200);
        Assert.All(entries, e => Assert.Matches("^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$", e.Code));
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.TitleZh) || string.IsNullOrWhiteSpace(e.TitleEn)));
        Assert.Equal(entries.Count, entries.Select(e => e.Code).Distinct().Count());
    }

    [Fact]
    public void Search_is_limited_and_empty_text_finds_nothing()
    {
        Assert.Equal(5, Icd10Catalog.Instance.Search("I", 5).Count);
        Assert.Empty(Icd10Catalog.Instance.Search("  ", 5));
    }
}
