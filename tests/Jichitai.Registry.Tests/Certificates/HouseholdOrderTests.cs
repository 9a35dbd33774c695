using Jichitai.Registry.Features.Certificates;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Tests.Certificates;

/// <summary>標準5.2 世帯員の並び順 of a 世帯連記式 copy.</summary>
public class HouseholdOrderTests
{
    private const string HeadDomicile = "東京都デモ市本町一丁目2番地";

    private static int counter;

    private static ResidentRecord P(string name, string relationship, int year, int month = 1, int day = 1, string? number = null,
        string domicile = HeadDomicile, string domicileHead = "見本　太郎") => new()
    {
        FamilyName = name, Relationship = relationship, BirthDate = new DateOnly(year, month, day),
        AddresseeNumber = number ?? $"{Interlocked.Increment(ref counter):D12}", Domicile = domicile, DomicileHead = domicileHead,
    };

    private static string[] Order(params ResidentRecord[] people)
    {
        // Shuffled deterministically, so the result cannot come from the input order.
        var shuffled = people.Reverse().ToList();
        return HouseholdOrder.Sort(shuffled, r => r).Select(r => r.FamilyName).ToArray();
    }

    [Fact]
    public void FirstRank_HeadSpouseChildrenByBirthDate()
    {
        Assert.Equal(["主", "妻", "長女", "長男", "次男"], Order(
            P("次男", "子", 2010), P("主", "世帯主", 1970), P("長男", "子", 2005), P("妻", "妻", 1972), P("長女", "子", 2003)));
    }

    [Fact]
    public void UnregisteredSpouse_IsTheSpouse()
    {
        Assert.Equal(["主", "内縁", "子"], Order(P("子", "子", 2000), P("内縁", "妻（未届）", 1975), P("主", "世帯主", 1970)));
    }

    [Fact]
    public void SameBirthDate_IsOrderedByAddresseeNumber()
    {
        Assert.Equal(["主", "双子A", "双子B"], Order(
            P("双子B", "子", 2000, number: "000000000124"), P("双子A", "子", 2000, number: "000000000123"), P("主", "世帯主", 1970)));
    }

    [Fact]
    public void SecondRank_ChildrensFamilies_AfterTheHeadsOwnChildren_EldestChildsFamilyFirst()
    {
        // 長男 and 次男 married (own 戸籍 with their families); 長女 is unmarried and stays in the first rank.
        var first = "東京都デモ市本町一丁目2番地";
        Assert.Equal(["主", "妻", "長女", "長男", "長男の妻", "長男の子1", "長男の子2", "次男", "次男の妻", "次男の子"], Order(
            P("次男の子", "子の子", 2022, domicile: first, domicileHead: "見本　次男"),
            P("長男の子2", "子の子", 2021, domicile: first, domicileHead: "見本　長男"),
            P("次男の妻", "子の妻", 1997, domicile: first, domicileHead: "見本　次男"),
            P("長女", "子", 2003),
            P("長男の子1", "子の子", 2019, domicile: first, domicileHead: "見本　長男"),
            P("次男", "子", 1996, domicile: first, domicileHead: "見本　次男"),
            P("長男の妻", "子の妻", 1993, domicile: first, domicileHead: "見本　長男"),
            P("長男", "子", 1994, domicile: first, domicileHead: "見本　長男"),
            P("妻", "妻", 1972), P("主", "世帯主", 1970)));
    }

    [Fact]
    public void SecondRank_FamilyMembersWithoutAMatchingChild_FollowTheMatchedFamilies()
    {
        Assert.Equal(["主", "子A", "子Aの夫", "子の妻?", "孫?"], Order(
            P("孫?", "子の子", 2020, domicile: "", domicileHead: ""),
            P("子の妻?", "子の妻", 1990, domicile: "", domicileHead: ""),
            P("子Aの夫", "子の夫", 1988, domicile: "大阪府サンプル市1番地", domicileHead: "試験　一郎"),
            P("子A", "子", 1992, domicile: "大阪府サンプル市1番地", domicileHead: "試験　一郎"),
            P("主", "世帯主", 1960)));
    }

    [Fact]
    public void ThirdRank_ParentsWithTheDomicileHeadFirst_ThenSiblings_ThenGrandparents()
    {
        var parents = "東京都デモ市古町1番地";
        Assert.Equal(["主", "子", "父", "母", "兄", "妹", "祖父", "祖母"], Order(
            P("祖母", "父の母", 1925, domicile: "x", domicileHead: "祖父"),
            P("妹", "妹", 1975),
            P("母", "母", 1944, domicile: parents, domicileHead: "父"),
            P("子", "子", 2000),
            P("祖父", "父の父", 1926, domicile: "x", domicileHead: "祖父"),
            P("兄", "兄", 1968),
            P("父", "父", 1945, domicile: parents, domicileHead: "父"),
            P("主", "世帯主", 1970)));
    }

    [Fact]
    public void ThirdRank_ParentsWithoutADomicileHead_AreByBirthDate()
    {
        Assert.Equal(["主", "母", "父"], Order(P("父", "父", 1946, domicileHead: "誰か"), P("母", "母", 1944, domicileHead: "誰か"), P("主", "世帯主", 1970)));
    }

    [Fact]
    public void FourthRank_SpousesRelativesLikeTheThirdRank_ThenOtherRelatives_Kin_Cohabitants()
    {
        Assert.Equal(["主", "妻", "父", "妻の母", "妻の兄", "妻の弟", "甥", "縁故者", "同居人A", "同居人B"], Order(
            P("同居人B", "同居人", 1990), P("縁故者", "縁故者", 1950), P("甥", "兄の子", 1995),
            P("妻の弟", "妻の弟", 1976), P("妻の兄", "妻の兄", 1968), P("妻の母", "妻の母", 1940),
            P("同居人A", "同居人", 1985), P("父", "父", 1941), P("妻", "妻", 1972), P("主", "世帯主", 1970)));
    }

    [Fact]
    public void FourthRank_TwinsOfTheSpouse_AreByAddresseeNumber()
    {
        // 標準5.2 例2: 妻の兄 (123…45) and 妻の姉 (124…67), twins: by 宛名番号.
        Assert.Equal(["主", "妻の兄", "妻の姉"], Order(
            P("妻の姉", "妻の姉", 1968, 3, 3, "000000012467"), P("妻の兄", "妻の兄", 1968, 3, 3, "000000012345"), P("主", "世帯主", 1970)));
    }

    [Fact]
    public void EveryMemberIsKept_AndTheSortIsStableForAnyInputOrder()
    {
        ResidentRecord[] people =
        [
            P("主", "世帯主", 1970), P("妻", "妻", 1972), P("子", "子", 2000), P("母", "母", 1944, domicileHead: "誰か"),
            P("妹", "妹", 1975), P("同居人", "同居人", 1980), P("縁故者", "縁故者", 1960),
        ];
        var expected = HouseholdOrder.Sort(people, r => r).Select(r => r.FamilyName).ToArray();
        Assert.Equal(people.Length, expected.Length);
        var random = new Random(42);
        for (var i = 0; i < 20; i++)
            Assert.Equal(expected, HouseholdOrder.Sort(people.OrderBy(_ => random.Next()).ToList(), r => r).Select(r => r.FamilyName).ToArray());
    }
}
