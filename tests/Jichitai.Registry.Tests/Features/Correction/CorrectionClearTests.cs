using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Registry.Features.Correction;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Testing;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Features.Correction;

/// <summary>職権修正 can clear an item written by mistake (標準4.2.3), but never one every 住民票 must have.</summary>
public class CorrectionClearTests
{
    private static CorrectionRequest Clearing(string addressee, params string[] items) => new()
    {
        Header = On(new DateOnly(2026, 5, 1)), AddresseeNumber = addressee, Kind = "職権修正", Clear = items,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OfficialCorrection_ClearsFormerSurname_AndTheEarlierVersionKeepsIt(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var head = (await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)))).AddresseeNumbers[0];
        await host.RunAsync(tenant, CorrectionHandler.HandleAsync, Clearing(head) with { FormerSurname = "佐藤", Header = On(new DateOnly(2026, 4, 10)) });

        var result = await host.RunAsync(tenant, CorrectionHandler.HandleAsync, Clearing(head, "formerSurname"));
        Assert.Equal("職権修正", result.Reason);
        var now = (await host.GetAsync(tenant, head)).Record;
        Assert.Null(now.FormerSurname);
        Assert.Equal("東京都千代田区千代田1番", now.Domicile); // untouched
        Assert.Equal("山田", now.FamilyName); // untouched
        var before = (await host.GetAsync(tenant, head, new DateOnly(2026, 4, 30))).Record;
        Assert.Equal(("佐藤", "東京都千代田区千代田1番", "山田太郎"), (before.FormerSurname, before.Domicile, before.DomicileHead));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Clearing_AnItemThatMustStay_OrGivingAndClearingTheSameItem_IsRefused_AndChangesNothing(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var head = (await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)))).AddresseeNumbers[0];
        var counts = await host.CountsAsync();

        var name = await Assert.ThrowsAsync<DomainValidationException>(() => host.RunAsync(tenant, CorrectionHandler.HandleAsync, Clearing(head, "familyName")));
        Assert.Contains("氏名・生年月日・性別・住所・本籍・筆頭者は消去できません", name.Errors["clear[0]"].Single());
        // 本籍 is never blank (標準1.1.6, 1.1.12): a 本籍 written by mistake becomes another value, 「なし」 or 「不明」.
        var domicile = await Assert.ThrowsAsync<DomainValidationException>(() => host.RunAsync(tenant, CorrectionHandler.HandleAsync, Clearing(head, "domicile")));
        Assert.Contains("本籍がないときは「なし」", domicile.Errors["clear[0]"].Single());
        var both = await Assert.ThrowsAsync<DomainValidationException>(() => host.RunAsync(tenant, CorrectionHandler.HandleAsync,
            Clearing(head, "formerSurname") with { FormerSurname = "鈴木" }));
        Assert.Contains("同時に指定できません", both.Errors["formerSurname"].Single());
        var kana = await Assert.ThrowsAsync<DomainException>(() => host.RunAsync(tenant, CorrectionHandler.HandleAsync, Clearing(head, "givenNameKana")));
        Assert.Equal(("registry.correction.kana-required", "clear"), (kana.Code, kana.Field));

        Assert.Equal(counts, await host.CountsAsync());
        Assert.Equal("東京都千代田区千代田1番", (await host.GetAsync(tenant, head)).Record.Domicile);
    }
}
