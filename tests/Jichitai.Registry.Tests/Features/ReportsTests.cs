using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.MoveOut;
using Jichitai.Registry.Features.MoveOutConfirmation;
using Jichitai.Registry.Features.Reports;
using Jichitai.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Features;

public class ReportsTests
{
    private static Task<T> AsTenant<T>(RegistryTestHost host, Tenant tenant, Func<RegistryReports, Task<T>> f) => host.AsTenant(tenant, f);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LateNotifications_ListsOnlyLateUncancelledNotificationsInTheRange(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 15)));                          // on time
        var late = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 20), "佐藤", "サトウ")); // 5 days late
        var lines = await AsTenant(host, tenant, r => r.LateNotificationsAsync(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), RegistryTestHost.Clerk, default));
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => { Assert.Equal(late.MovementId, l.MovementId); Assert.Equal(5, l.DaysLate); });
        Assert.Empty(await AsTenant(host, tenant, r => r.LateNotificationsAsync(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), RegistryTestHost.Clerk, default)));
        await Assert.ThrowsAsync<DomainException>(() => AsTenant(host, tenant, r => r.LateNotificationsAsync(new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1), RegistryTestHost.Clerk, default)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MoveOutWithoutNotice_IsListedAfterThePeriod_UntilTheMoveInNoticeArrives(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var family = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)));
        var recent = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1), family: "佐藤", kana: "サトウ"));
        await host.RunAsync(tenant, MoveOutHandler.HandleAsync, new MoveOutRequest
        { Header = On(new DateOnly(2026, 9, 30), new DateOnly(2026, 9, 20)), HouseholdNumber = family.HouseholdNumbers[0], Destination = "大阪府大阪市北区中之島一丁目3番20号" });
        // Within the default 30 days: not yet listed.
        await host.RunAsync(tenant, MoveOutHandler.HandleAsync, new MoveOutRequest
        { Header = On(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 5)), HouseholdNumber = recent.HouseholdNumbers[0], Destination = "札幌市" });

        var listed = await AsTenant(host, tenant, r => r.UnconfirmedMoveOutsAsync(RegistryTestHost.Clerk, default));
        Assert.Equal(family.AddresseeNumbers.Order(), listed.Select(l => l.AddresseeNumber).Order());
        Assert.All(listed, l => Assert.Equal(57, l.DaysSince));

        await host.RunAsync(tenant, MoveInNoticeHandler.HandleAsync, new MoveInNoticeRequest
        { AddresseeNumber = family.AddresseeNumbers[0], ActualMoveInDate = new DateOnly(2026, 10, 1), ReceivedOn = new DateOnly(2026, 10, 8), NewAddress = "大阪府大阪市北区中之島一丁目3番20号" });
        listed = await AsTenant(host, tenant, r => r.UnconfirmedMoveOutsAsync(RegistryTestHost.Clerk, default));
        Assert.DoesNotContain(family.AddresseeNumbers[0], listed.Select(l => l.AddresseeNumber));
        Assert.Equal(2, listed.Count);
        var confirmed = await host.GetAsync(tenant, family.AddresseeNumbers[0]);
        Assert.Equal(new DateOnly(2026, 10, 8), confirmed.Record.MoveOut!.ConfirmedOn);
        // A notice for a resident who has not moved out is refused.
        var e = await Assert.ThrowsAsync<DomainException>(() => host.RunAsync(tenant, MoveInNoticeHandler.HandleAsync, new MoveInNoticeRequest
        { AddresseeNumber = family.AddresseeNumbers[0], ActualMoveInDate = new DateOnly(2026, 10, 1), ReceivedOn = new DateOnly(2026, 10, 9), NewAddress = "大阪市" }));
        Assert.Equal("registry.notice.already", e.Code);
    }
}
