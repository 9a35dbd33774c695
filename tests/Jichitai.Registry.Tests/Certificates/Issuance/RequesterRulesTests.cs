using Jichitai.Registry.Features.Certificates;

namespace Jichitai.Registry.Tests.Certificates.Issuance;

public class RequesterRulesTests
{
    [Theory]
    [InlineData(RequesterType.Self, true)]
    [InlineData(RequesterType.Official, false)]
    [InlineData(RequesterType.ThirdParty, false)]
    public void PersonalNumberAndResidentCode_OnlyForSelf(RequesterType type, bool allowed) // 住基法12条5項
    {
        var items = RequesterRules.AllowedItems(type);
        Assert.Equal(allowed, items.HasFlag(CertificateItems.PersonalNumber));
        Assert.Equal(allowed, items.HasFlag(CertificateItems.ResidentCode));
        Assert.True(items.HasFlag(CertificateItems.HeadAndRelationship));
        Assert.True(items.HasFlag(CertificateItems.DomicileAndHead));
    }

    [Fact]
    public void Fee_IsPerPersonForIndividualCopies_PerCopyForTheHouseholdForm_AndFreeForOfficialRequests()
    {
        Assert.Equal(900, RequesterRules.Fee(RequesterType.Self, CertificateLayout.Personal, 3, 300));
        Assert.Equal(300, RequesterRules.Fee(RequesterType.Self, CertificateLayout.Household, 3, 300));
        Assert.Equal(0, RequesterRules.Fee(RequesterType.Official, CertificateLayout.Personal, 3, 300));
        Assert.Equal(600, RequesterRules.Fee(RequesterType.ThirdParty, CertificateLayout.Personal, 2, 300));
    }

    [Fact]
    public void MoveOutCertificateAndNotices_GoOnlyToThePersonThemself()
    {
        Assert.True(RequesterRules.MayRequest(RequesterType.Self, CertificateKind.MoveOutCertificate));
        Assert.False(RequesterRules.MayRequest(RequesterType.ThirdParty, CertificateKind.MoveOutCertificate));
        Assert.False(RequesterRules.MayRequest(RequesterType.Official, CertificateKind.ResidentCodeNotice));
        Assert.True(RequesterRules.MayRequest(RequesterType.ThirdParty, CertificateKind.RemovedRecordCopy)); // 住基法15条の4
    }

    [Fact]
    public void HouseholdLayout_IsNotOfferedForRemovedRecords()
    {
        Assert.True(RequesterRules.AllowsHouseholdLayout(CertificateKind.ResidentRecordCopy));
        Assert.False(RequesterRules.AllowsHouseholdLayout(CertificateKind.RemovedRecordCopy));
    }

    [Fact]
    public void ItemNames_ParseInJapaneseAndEnglish_AndUnknownOnesAreReported()
    {
        var (items, unknown) = CertificateNames.ParseItems(["世帯主・続柄", "PersonalNumber", "血液型"]);
        Assert.Equal(CertificateItems.HeadAndRelationship | CertificateItems.PersonalNumber, items);
        Assert.Equal(["血液型"], unknown);
        Assert.Equal(CertificateKind.RemovedRecordCopy, CertificateNames.ParseKind("住民票の除票の写し"));
        Assert.Null(CertificateNames.ParseKind("3"));
    }

    [Theory]
    [InlineData("2026-11-26", 7, "20261126 千代田区 本庁1 007")]
    [InlineData("2026-11-26", 1234, "20261126 千代田区 本庁1 1234")]
    public void IssueNumber_FollowsTheStandardOrder(string day, int serial, string expected) => // 標準5.5
        Assert.Equal(expected, IssueNumbers.Format(DateOnly.Parse(day), "千代田区", "本庁1", serial));
}

public class CertifierTests
{
    [Theory] // 標準1.3.9: the 職務代理者 signs during the period registered beforehand, the 首長 otherwise
    [InlineData("2026-11-01", "2026-11-30", "2026-11-26", true)]
    [InlineData("2026-11-01", "2026-11-30", "2026-11-30", true)]
    [InlineData("2026-11-01", "2026-11-30", "2026-12-01", false)]
    [InlineData("2026-11-27", "", "2026-11-26", false)]
    [InlineData("2026-11-01", "", "2027-03-31", true)] // no end registered: until it is
    [InlineData("", "", "2026-11-26", false)]
    public void DeputyPeriod(string from, string until, string on, bool deputy) =>
        Assert.Equal(deputy, CertificateSettings.InDeputyPeriod(from, until, DateOnly.Parse(on)));
}
