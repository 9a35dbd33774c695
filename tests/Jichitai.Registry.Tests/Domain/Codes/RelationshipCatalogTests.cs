using Jichitai.Registry.Domain.Codes;

namespace Jichitai.Registry.Tests.Domain.Codes;

public class RelationshipCatalogTests
{
    [Theory]
    [InlineData("世帯主", "00", "世帯主")]
    [InlineData("妻", "12", "妻")]
    [InlineData("夫", "11", "夫")]
    [InlineData("夫（未届）", "13", "夫（未届）")]
    [InlineData("夫(未届)", "13", "夫（未届）")]
    [InlineData("妻（未届）の子", "1420", "妻（未届）の子")]
    [InlineData("子", "20", "子")]
    [InlineData("子の妻", "2012", "子の妻")]
    [InlineData(" 子 の 夫 ", "2011", "子の夫")]
    [InlineData("妻の父", "1231", "妻の父")]
    [InlineData("妹", "44", "妹")]
    [InlineData("子の子の子の子", "20202020", "子の子の子の子")]
    [InlineData("縁故者", "90", "縁故者")]
    [InlineData("同居人", "91", "同居人")]
    public void TryParse_ReadsTheStandardsRelationships(string input, string code, string label)
    {
        Assert.True(RelationshipCatalog.TryParse(input, out var relationship, out var error), error);
        Assert.Equal(code, relationship!.Code);
        Assert.Equal(label, relationship.Label);
        Assert.True(RelationshipCatalog.TryFromCode(code, out var decoded));
        Assert.Equal(relationship, decoded);
        Assert.Equal(label, decoded!.Label);
    }

    [Theory]
    [InlineData("子の子の子の子の子", "続柄は4世代までです。5世代以上になる場合は「縁故者」としてください")]
    [InlineData("孫", "「孫」は住民票の続柄に使いません。「子の子」と入力してください")]
    [InlineData("長男", "「長男」は住民票の続柄に使いません。「子」と入力してください")]
    [InlineData("養女", "「養女」は住民票の続柄に使いません。「子」と入力してください")]
    [InlineData("嫁", "「嫁」は住民票の続柄に使いません。「子の妻」と入力してください")]
    [InlineData("世帯主の子", "世帯主・縁故者・同居人は「の」でつなげず、単独で入力してください")]
    [InlineData("妻の同居人", "世帯主・縁故者・同居人は「の」でつなげず、単独で入力してください")]
    [InlineData("子の", "「の」の前後に続柄を入力してください")]
    [InlineData("", "続柄を入力してください")]
    [InlineData(null, "続柄を入力してください")]
    public void TryParse_RefusesWhatTheStandardDoesNotManage(string? input, string expected)
    {
        Assert.False(RelationshipCatalog.TryParse(input, out var relationship, out var error));
        Assert.Null(relationship);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("おじ")]
    [InlineData("準世帯主")]
    [InlineData("家事使用人")]
    [InlineData("子の叔母")]
    public void TryParse_RefusesOtherWords_ListingTheTermsToChain(string input)
    {
        Assert.False(RelationshipCatalog.TryParse(input, out _, out var error));
        Assert.Contains("夫・妻・夫（未届）・妻（未届）・子・父・母・兄・姉・弟・妹", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("15")]
    [InlineData("2099")]
    [InlineData("2020202020")]
    [InlineData("2a")]
    [InlineData("01")]
    public void TryFromCode_RejectsUnknownCodes(string? code) =>
        Assert.False(RelationshipCatalog.TryFromCode(code, out _));

    [Fact]
    public void EveryTerm_HasALabelAndRoundTrips()
    {
        Assert.Equal(11, RelationshipCatalog.Terms.Count);
        foreach (var term in RelationshipCatalog.Terms)
        {
            Assert.True(RelationshipCatalog.TryParse(RelationshipCatalog.Label(term), out var relationship, out _));
            Assert.Equal([term], relationship!.Terms.ToArray());
        }
    }

    [Theory]
    [InlineData("世帯主", true, null)]
    [InlineData("妻", false, null)]
    [InlineData("同居人", false, null)]
    [InlineData("妻", true, "世帯主本人の続柄は「世帯主」です")]
    [InlineData("世帯主", false, "世帯主以外の世帯員に「世帯主」は使えません")]
    public void IsValidFor_KeepsHeadForTheHeadAlone(string label, bool isHead, string? expected)
    {
        RelationshipCatalog.TryParse(label, out var relationship, out _);
        Assert.Equal(expected is null, RelationshipCatalog.IsValidFor(relationship!, isHead, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Family_RefusesMoreThanFourGenerationsAndUnknownTerms()
    {
        Assert.Throws<ArgumentException>(() => Relationship.Family());
        Assert.Throws<ArgumentException>(() => Relationship.Family(KinshipTerm.Child, KinshipTerm.Child, KinshipTerm.Child, KinshipTerm.Child, KinshipTerm.Child));
        Assert.Throws<ArgumentException>(() => Relationship.Family((KinshipTerm)0));
        Assert.Equal("子の妻", Relationship.Family(KinshipTerm.Child, KinshipTerm.Wife).Label);
    }
}
