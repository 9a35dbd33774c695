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
