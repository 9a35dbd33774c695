using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Domain.Numbering;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.PersonalNumberChange;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Persistence;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Features.PersonalNumberChange;

/// <summary>個人番号の異動 (標準4.4): 指定, 変更請求, 職権変更, 職権修正 — check digit, one number per person, encrypted at rest.</summary>
public class PersonalNumberChangeTests
{
    private static readonly DateOnly April1 = new(2026, 4, 1);
    private static string Valid(string first11) => first11 + PersonalNumber.CheckDigit(first11);

    private static PersonalNumberChangeRequest Change(string addressee, string kind, string number, DateOnly? on = null) => new()
    {
        Header = On(on ?? new DateOnly(2026, 5, 1)), AddresseeNumber = addressee, Kind = kind, PersonalNumber = number,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Designation_then_ChangeOnRequest_ReplacesTheNumber_EncryptedAndSearchableByTheNewOneOnly(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var moveIn = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(April1));
        var head = moveIn.AddresseeNumbers[0];
        var first = Valid("12345678901");
        var second = Valid("98765432109");

        var designated = await host.RunAsync(tenant, PersonalNumberChangeHandler.HandleAsync, Change(head, "指定", first));
        Assert.Equal("個人番号の職権記載", designated.Reason);
        var changed = await host.RunAsync(tenant, PersonalNumberChangeHandler.HandleAsync, Change(head, "変更請求", second, new DateOnly(2026, 6, 1)));
        Assert.Equal("個人番号の変更請求", changed.Reason);

        Assert.Equal(second, (await host.GetAsync(tenant, head, personalNumber: true)).PersonalNumber);
        Assert.Equal(first, (await host.GetAsync(tenant, head, new DateOnly(2026, 5, 15), personalNumber: true)).PersonalNumber); // history kept
        Assert.Single(await host.SearchAsync(tenant, new ResidentSearchRequest { PersonalNumber = second }, personalNumber: true));
        Assert.Empty(await host.SearchAsync(tenant, new ResidentSearchRequest { PersonalNumber = first }, personalNumber: true));
        await using var db = RegistryDatabase.Create(host.Database.Settings.Database, TenantScope.System);
        Assert.All(await db.ResidentVersions.AsNoTracking().Select(v => v.Record).ToListAsync(), v =>
        {
            Assert.DoesNotContain(first, v);
            Assert.DoesNotContain(second, v);
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RuleViolations_AreNamed_AndChangeNothing(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var moveIn = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(April1));
        var (head, wife) = (moveIn.AddresseeNumbers[0], moveIn.AddresseeNumbers[1]);
        var number = Valid("12345678901");
        await host.RunAsync(tenant, PersonalNumberChangeHandler.HandleAsync, Change(head, "指定", number));
        var before = await host.CountsAsync();

        // A wrong check digit (省令85号5条), named on the field, without repeating the number.
        var wrongDigit = number[..11] + ((number[11] - '0' + 1) % 10);
        var e = await Assert.ThrowsAsync<DomainValidationException>(() => host.RunAsync(tenant, PersonalNumberChangeHandler.HandleAsync, Change(wife, "指定", wrongDigit)));
        Assert.Contains("検査用数字", e.Errors["personalNumber"].Single());
        Assert.DoesNotContain(wrongDigit, e.Errors["personalNumber"].Single());
        // One number, one person.
        var taken = await Assert.ThrowsAsync<DomainException>(() => host.RunAsync(tenant, PersonalNumberChangeHandler.HandleAsync, Change(wife, "指定", number)));
        Assert.Equal(("registry.personal-number.taken", "personalNumber"), (taken.Code, taken.Field));
        // 指定 of someone who has a number; 変更 of someone who has none; the same number again.
        Assert.Equal("registry.personal-number.already", (await Assert.ThrowsAsync<DomainException>(() =>
            host.RunAsync(tenant, PersonalNumberChangeHandler.HandleAsync, Change(head, "指定", Valid("11111111111"))))).Code);
        Assert.Equal("registry.personal-number.none", (await Assert.ThrowsAsync<DomainException>(() =>
            host.RunAsync(tenant, PersonalNumberChangeHandler.HandleAsync, Change(wife, "職権変更", Valid("11111111111"))))).Code);
        Assert.Equal("registry.personal-number.same", (await Assert.ThrowsAsync<DomainException>(() =>
            host.RunAsync(tenant, PersonalNumberChangeHandler.HandleAsync, Change(head, "職権修正", number)))).Code);

        Assert.Equal(before, await host.CountsAsync());
        Assert.Null((await host.GetAsync(tenant, wife, personalNumber: true)).PersonalNumber);
    }
}
