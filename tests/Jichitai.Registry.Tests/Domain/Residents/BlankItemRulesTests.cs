using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Tests.Domain.Residents;

/// <summary>空欄 (standard 1.1.6) and 本籍・筆頭者 なし/不明 (1.1.12).</summary>
public class BlankItemRulesTests
{
    private static readonly ResidentRecord Complete = new()
    {
        FamilyName = "山田", GivenName = "太郎", BirthDate = new(1980, 5, 1), BecameResidentOn = new(2026, 4, 1), Domicile = "東京都千代田区千代田1番",
        DomicileHead = "山田太郎", Address = new Address { Town = "千代田区千代田", BlockNumber = "1番1号" }, ResidentCode = "12345678901",
        AddresseeNumber = "0000000019", HouseholdNumber = "0000000019",
    };

    [Fact]
    public void CompleteRecord_HasNoBlankItems() => Assert.Empty(BlankItemRules.Missing(Complete));

    [Theory]
    [InlineData("なし")]
    [InlineData("不明")]
    public void Domicile_WrittenAsNoneOrUnknown_IsNotBlank(string text) =>
        Assert.Empty(BlankItemRules.Missing(Complete with { Domicile = text, DomicileHead = text }));

    [Fact]
    public void EachRequiredItem_IsNamed()
    {
        Assert.Equal(["戸籍の表示(本籍・筆頭者)"], BlankItemRules.Missing(Complete with { DomicileHead = " " }));
        Assert.Equal(["住所"], BlankItemRules.Missing(Complete with { Address = new Address { Town = "千代田区千代田" } }));
        Assert.Equal(["住民となった年月日"], BlankItemRules.Missing(Complete with { BecameResidentOn = default }));
        Assert.Equal(["世帯番号"], BlankItemRules.Missing(Complete with { HouseholdNumber = null }));
    }

    [Fact]
    public void ResidentCode_IsRequired_ExceptOnARemovedRecord_AndNotEnforcedOnEntry()
    {
        var noCode = Complete with { ResidentCode = null };
        Assert.Equal(["住民票コード"], BlankItemRules.Missing(noCode));
        Assert.Empty(BlankItemRules.MissingOnEntry(noCode)); // assigned through the CS, which is not linked yet
        Assert.Empty(BlankItemRules.Missing(noCode with { Status = ResidentStatus.Removed, HouseholdNumber = null }));
    }

    [Fact]
    public void ForeignResident_CardNumberRequired_ExceptOnARemovedRecord_AndNoDomicile()
    {
        var foreign = Complete with
        {
            Kind = ResidentKind.Foreign, Domicile = null, DomicileHead = null,
            Foreign = new ForeignResidentItems { AlphabetName = "KIM MINJI", Nationality = "韓国", Category = ForeignResidentCategory.MidToLongTermResident },
        };
        Assert.Equal(["在留カードの番号"], BlankItemRules.Missing(foreign));
        Assert.Empty(BlankItemRules.Missing(foreign with { Status = ResidentStatus.Removed }));
        var permanent = foreign with { Foreign = foreign.Foreign! with { Category = ForeignResidentCategory.SpecialPermanentResident } };
        Assert.Equal(["特別永住者証明書の番号"], BlankItemRules.Missing(permanent with { Status = ResidentStatus.Removed })); // no 除票 exception
        var refuge = foreign with { Foreign = foreign.Foreign! with { Category = ForeignResidentCategory.TemporaryRefugeePermit } };
        Assert.Equal(["上陸期間"], BlankItemRules.Missing(refuge));
        Assert.Equal(["外国人住民となった年月日"], BlankItemRules.Missing(refuge with { BecameResidentOn = default, Foreign = refuge.Foreign! with { PeriodOfStay = "6月" } }));
    }
}
