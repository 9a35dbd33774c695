using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.ResidentCodeChange;
using Jichitai.Testing;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Features.ResidentCodeChange;

/// <summary>住民票コードの記載・変更請求・修正 (標準4.3.1, 4.3.2): the code from the CS is recorded after a format check.</summary>
public class ResidentCodeChangeTests
{
    private static ResidentCodeChangeRequest Code(string addressee, string kind, string code, DateOnly on) => new()
    {
        Header = On(on), AddresseeNumber = addressee, Kind = kind, ResidentCode = code,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Entry_ChangeRequest_and_Correction_EachRecordTheirReason_AndKeepTheHistory(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var head = (await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)))).AddresseeNumbers[0];

        Assert.Equal("住民票コードの職権記載", (await host.RunAsync(tenant, ResidentCodeChangeHandler.HandleAsync, Code(head, "職権記載", "12345678901", new DateOnly(2026, 4, 2)))).Reason);
        Assert.Equal("住民票コードの修正", (await host.RunAsync(tenant, ResidentCodeChangeHandler.HandleAsync, Code(head, "修正", "12345678902", new DateOnly(2026, 4, 3)))).Reason);
        Assert.Equal("住民票コードの変更請求", (await host.RunAsync(tenant, ResidentCodeChangeHandler.HandleAsync, Code(head, "変更請求", "55555555555", new DateOnly(2026, 6, 1)))).Reason);

        var now = await host.GetAsync(tenant, head);
        Assert.Equal("55555555555", now.Record.ResidentCode);
        Assert.Equal("12345678902", (await host.GetAsync(tenant, head, new DateOnly(2026, 5, 1))).Record.ResidentCode);
        Assert.Equal(["住民票コードの変更請求", "住民票コードの修正", "住民票コードの職権記載", "転入"], now.History.Select(h => h.Reason));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RuleViolations_AreNamed_AndChangeNothing(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var head = (await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)))).AddresseeNumbers[0];
        var before = await host.CountsAsync();

        var format = await Assert.ThrowsAsync<DomainValidationException>(() => host.RunAsync(tenant, ResidentCodeChangeHandler.HandleAsync, Code(head, "職権記載", "１２３４５", new DateOnly(2026, 4, 2))));
        Assert.Contains("半角数字", format.Errors["residentCode"].Single());
        var none = await Assert.ThrowsAsync<DomainException>(() => host.RunAsync(tenant, ResidentCodeChangeHandler.HandleAsync, Code(head, "変更請求", "12345678901", new DateOnly(2026, 4, 2))));
        Assert.Equal(("registry.resident-code.none", "kind"), (none.Code, none.Field));

        Assert.Equal(before, await host.CountsAsync());
        Assert.Null((await host.GetAsync(tenant, head)).Record.ResidentCode);
    }
}
