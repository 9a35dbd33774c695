using Jichitai.Platform.Settings;

namespace Jichitai.Platform.Tests.Settings;

public class SettingDefinitionTests
{
    private static readonly SettingDefinition Seal = SettingCatalog.Find("municipality.sealImage")!;
    private static readonly SettingDefinition DeputyFrom = SettingCatalog.Find("municipality.deputyFrom")!;

    [Fact]
    public void SealImage_AcceptsPngOnly_AndMayBeCleared()
    {
        var png = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);
        Assert.Equal((png, null), Seal.Validate(png));
        Assert.Equal(("", null), Seal.Validate(""));
        Assert.Contains("PNG", Seal.Validate(Convert.ToBase64String("GIF89a..."u8.ToArray())).Error);
        Assert.Contains("PNG", Seal.Validate("これは画像ではない").Error);
        Assert.Contains("大きすぎます", Seal.Validate(new string('A', Seal.MaxLength + 4)).Error);
    }

    [Theory]
    [InlineData("2027-04-01", "2027-04-01", null)]
    [InlineData("", "", null)]
    [InlineData("2027/04/01", null, "YYYY-MM-DD")]
    [InlineData("2027-02-30", null, "YYYY-MM-DD")]
    public void DeputyPeriod_IsAnIsoDate(string raw, string? value, string? error)
    {
        var (v, e) = DeputyFrom.Validate(raw);
        Assert.Equal(value, v);
        if (error is null) Assert.Null(e); else Assert.Contains(error, e);
    }
}

public class SettingChoiceTests
{
    [Theory]
    [InlineData("全体", true)]
    [InlineData("限界まで", true)]
    [InlineData("空白", true)]
    [InlineData("切る", false)]
    public void Overflow_IsOneOfTheStandardChoices(string raw, bool valid) // 標準5.8
    {
        var (value, error) = SettingCatalog.Find("certificates.overflow")!.Validate(raw);
        Assert.Equal(valid, value is not null);
        if (!valid) Assert.Contains("いずれか", error);
    }
}
