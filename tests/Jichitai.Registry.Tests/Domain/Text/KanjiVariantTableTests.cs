using System.Text;
using Jichitai.Registry.Domain.Text;

namespace Jichitai.Registry.Tests.Domain.Text;

public class KanjiVariantTableTests
{
    public static TheoryData<string, string> Entries()
    {
        var data = new TheoryData<string, string>();
        foreach (var (variant, standard) in KanjiVariantTable.Entries) data.Add(variant, standard);
        return data;
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void EachEntry_IsOneCharacterFoldedToAnotherThatIsNotFoldedAgain(string variant, string standard)
    {
        Assert.Single(variant.EnumerateRunes());
        Assert.Single(standard.EnumerateRunes());
        Assert.NotEqual(variant, standard);
        Assert.False(KanjiVariantTable.Entries.ContainsKey(standard), $"{standard} is itself folded");
        Assert.Equal(standard, NameSearchKey.Normalize(variant));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void EachEntry_SurvivesNfkc_OtherwiseItWouldNeverBeLookedUp(string variant, string standard)
    {
        Assert.Equal(variant, variant.Normalize(NormalizationForm.FormKC));
        Assert.Equal(standard, standard.Normalize(NormalizationForm.FormKC));
    }

    [Fact]
    public void Table_HoldsTheSurrogatePairTsuchiYoshi()
    {
        Assert.Equal("吉", KanjiVariantTable.Entries["\U00020BB7"]);
        Assert.Equal(new Rune('吉'), KanjiVariantTable.Fold(new Rune(0x20BB7)));
    }

    [Fact]
    public void Documentation_ListsExactlyTheTable()
    {
        var doc = RepositoryFiles.Read("docs/registry/name-normalisation.md");
        var documented = RepositoryFiles.TableRows(RepositoryFiles.Section(doc, "## 異体字表"))
            .Where(cells => cells.Length >= 3 && cells[0] != "異体字")
            .ToDictionary(cells => cells[0], cells => cells[1]);

        Assert.Equal(
            KanjiVariantTable.Entries.OrderBy(e => e.Key, StringComparer.Ordinal),
            documented.OrderBy(e => e.Key, StringComparer.Ordinal));
    }
}
