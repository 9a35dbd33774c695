using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Domain.Numbering;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Persistence;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Features;

public class SearchAndPersonalNumberTests
{
    private static string ValidPersonalNumber(string first11) => first11 + PersonalNumber.CheckDigit(first11);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_NormalisesVariants_AndAcceptsWarekiBirthDates(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var moveIn = FamilyMoveIn(new DateOnly(2026, 4, 1)) with
        {
            Members =
            [
                Person("髙橋", "𠮷男", "タカハシ", "ヨシオ", new DateOnly(1989, 1, 7), "男", "世帯主"),
                Person("髙橋", "美ヶ子", "タカハシ", "ミケコ", new DateOnly(1989, 3, 31), "女", "妻"),
            ],
        };
        await host.RunAsync(tenant, MoveInHandler.HandleAsync, moveIn);

        async Task<string[]> Names(ResidentSearchRequest q) => (await host.SearchAsync(tenant, q)).Select(r => r.Name).ToArray();
        Assert.Equal(["髙橋　𠮷男"], await Names(new() { Name = "高橋吉男" }));           // 髙→高, 𠮷→吉, stored unchanged
        Assert.Equal(2, (await Names(new() { Name = "高橋" })).Length);
        Assert.Equal(2, (await Names(new() { Kana = "ﾀｶﾊｼ" })).Length);               // half-width kana
        Assert.Equal(2, (await Names(new() { Kana = "たかはし" })).Length);           // hiragana
        Assert.Equal(["髙橋　美ヶ子"], await Names(new() { Name = "高橋 美ケ子" }));     // ヶ/ケ and spaces
        Assert.Equal(["髙橋　𠮷男"], await Names(new() { BirthDate = "S64.1.7" }));
        Assert.Equal(["髙橋　美ヶ子"], await Names(new() { BirthDate = "平成元年3月31日" }));
        Assert.Equal(["髙橋　美ヶ子"], await Names(new() { BirthDate = "1989/3/31" }));
        Assert.Equal(["髙橋　美ヶ子"], await Names(new() { Kana = "タカハシ", BirthDate = "H1.3.31" }));
        Assert.Empty(await Names(new() { Kana = "タカハシマ" }));

        // あいまい検索 and match modes (standard 2.1.2)
        Assert.Equal(2, (await Names(new() { Kana = "タガハシ", Fuzzy = true })).Length);                       // 濁音 ignored
        Assert.Empty(await Names(new() { Kana = "タガハシ" }));
        Assert.Equal(["髙橋　𠮷男"], await Names(new() { Kana = "タカハシヨシオ", KanaMatch = KanaMatch.Exact }));
        Assert.Equal(["髙橋　美ヶ子"], await Names(new() { Kana = "ミケ", KanaMatch = KanaMatch.Partial }));
        Assert.Equal(["髙橋　𠮷男"], await Names(new() { GivenNameKana = "ヨシ" }));                         // 名のみ
        Assert.Equal(["髙橋　𠮷男"], await Names(new() { Kana = "タカハシヨシヲ", Fuzzy = true, KanaMatch = KanaMatch.Exact })); // ヲ≈オ

        var impossible = await Assert.ThrowsAsync<DomainException>(() => host.SearchAsync(tenant, new ResidentSearchRequest { BirthDate = "平成31年5月1日" }));
        Assert.Equal("birthDate", impossible.Field);
        Assert.Contains("令和", impossible.Message);
        await Assert.ThrowsAsync<DomainException>(() => host.SearchAsync(tenant, new ResidentSearchRequest()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PersonalNumber_IsEncryptedAtRest_MaskedForTheCounter_SearchableOnlyByOfficers(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var number = ValidPersonalNumber("12345678901");
        var moveIn = FamilyMoveIn(new DateOnly(2026, 4, 1)) with
        {
            Members = [Person("山田", "太郎", "ヤマダ", "タロウ", new DateOnly(1980, 5, 1), "男", "世帯主", personalNumber: number)],
        };
        var result = await host.RunAsync(tenant, MoveInHandler.HandleAsync, moveIn);
        var addressee = result.AddresseeNumbers.Single();

        await using (var db = RegistryDatabase.Create(host.Database.Settings.Database, TenantScope.System))
        {
            var raw = await db.Residents.AsNoTracking().SingleAsync();
            Assert.DoesNotContain(number, raw.Record);
            Assert.DoesNotContain(number, raw.PersonalNumberIndex ?? "");
            Assert.All(await db.ResidentVersions.AsNoTracking().Select(v => v.Record).ToListAsync(), v => Assert.DoesNotContain(number, v));
        }
        var officer = await host.GetAsync(tenant, addressee, personalNumber: true);
        Assert.Equal(number, officer.PersonalNumber);
        var clerk = await host.GetAsync(tenant, addressee, personalNumber: false);
        Assert.NotEqual(number, clerk.PersonalNumber);
        Assert.DoesNotContain(number[..8], clerk.PersonalNumber);
        Assert.Null(clerk.Record.PersonalNumberProtected);

        Assert.Equal(addressee, (await host.SearchAsync(tenant, new ResidentSearchRequest { PersonalNumber = number }, personalNumber: true)).Single().AddresseeNumber);
        var denied = await Assert.ThrowsAsync<DomainException>(() => host.SearchAsync(tenant, new ResidentSearchRequest { PersonalNumber = number }, personalNumber: false));
        Assert.Equal(403, denied.Status);
        var other = await host.CreateTenantAsync("271004", "大阪市");
        Assert.Empty(await host.SearchAsync(other, new ResidentSearchRequest { PersonalNumber = number }, personalNumber: true));
    }
}
