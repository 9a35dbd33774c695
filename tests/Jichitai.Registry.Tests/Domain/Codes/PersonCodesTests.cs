using Jichitai.Registry.Domain.Codes;

namespace Jichitai.Registry.Tests.Domain.Codes;

public class PersonCodesTests
{
    [Theory]
    [InlineData(ForeignResidentCategory.MidToLongTermResident, "中長期在留者", "在留カードの番号")]
    [InlineData(ForeignResidentCategory.SpecialPermanentResident, "特別永住者", "特別永住者証明書の番号")]
    [InlineData(ForeignResidentCategory.TemporaryRefugeePermit, "一時庇護許可者", "")]
    [InlineData(ForeignResidentCategory.ProvisionalStayPermit, "仮滞在許可者", "")]
    [InlineData(ForeignResidentCategory.TransitionalStay, "経過滞在者", "")]
    public void ForeignResidentCategory_HasItsLabelAndCardNumberItem(ForeignResidentCategory category, string label, string cardItem)
    {
        Assert.Equal(label, category.Label());
        Assert.Equal(cardItem, category.CardNumberItem().Label());
    }

    [Fact]
    public void ForeignResidentCategory_HasTheFiveCategoriesOfArticle30_45()
    {
        Assert.Equal([1, 2, 3, 4, 5], Enum.GetValues<ForeignResidentCategory>().Select(c => (int)c));
    }

    [Fact]
    public void Gender_UsesTheIsoCodesAndJapaneseLabels()
    {
        Assert.Equal((1, "男"), ((int)Gender.Male, Gender.Male.Label()));
        Assert.Equal((2, "女"), ((int)Gender.Female, Gender.Female.Label()));
        Assert.True(GenderExtensions.TryParseLabel(" 女 ", out var female));
        Assert.Equal(Gender.Female, female);
        Assert.False(GenderExtensions.TryParseLabel("不明", out _));
        Assert.False(GenderExtensions.TryParseLabel(null, out _));
    }
}
