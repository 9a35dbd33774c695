using Jichitai.Platform.Persistence;
using Jichitai.Registry.Features.Birth;
using Jichitai.Registry.Features.Cancellation;
using Jichitai.Registry.Features.HouseholdChange;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.MoveOut;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Registry.Features.Removal;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;
using Jichitai.Testing;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Features;

/// <summary>
/// The scripted sequence: 転入 of a family, 出生, 世帯分離, 転居, 死亡, 転出, 取消し — then the current record
/// and the record as of earlier dates are what the history says.
/// </summary>
public class ScriptedSequenceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FullLifeCycle_CurrentAndAsOfRecords(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();

        var moveIn = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 3)));
        Assert.Equal(3, moveIn.AddresseeNumbers.Count);
        var (taro, hanako, ichiro) = (moveIn.AddresseeNumbers[0], moveIn.AddresseeNumbers[1], moveIn.AddresseeNumbers[2]);
        var household = moveIn.HouseholdNumbers.Single();

        var birth = await host.RunAsync(tenant, BirthHandler.HandleAsync, new BirthRequest
        {
            Header = On(new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 15)),
            HouseholdNumber = household,
            Child = Person("山田", "さくら", "ヤマダ", "サクラ", new DateOnly(2026, 6, 10), "女", "子"),
        });
        var sakura = birth.AddresseeNumbers.Single();

        var split = await host.RunAsync(tenant, HouseholdChangeHandlers.SplitAsync, new HouseholdSplitRequest
        {
            Header = On(new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 3)),
            HouseholdNumber = household,
            AddresseeNumbers = [ichiro],
            NewHousehold = new HeadAssignment { NewHeadAddresseeNumber = ichiro },
        });
        var ichiroHousehold = split.HouseholdNumbers.Single(h => h != household);

        await host.RunAsync(tenant, RelocationHandler.HandleAsync, new RelocationRequest
        {
            Header = On(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 5)),
            HouseholdNumber = household,
            Address = Address("9番9号", "千代田区神田"),
        });

        await host.RunAsync(tenant, RemovalHandler.HandleAsync, new RemovalRequest
        {
            Header = On(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2)),
            AddresseeNumber = taro, Kind = "死亡",
            RemainingHousehold = new HeadAssignment { NewHeadAddresseeNumber = hanako, Relationships = new Dictionary<string, string> { [sakura] = "子" } },
        });

        var moveOut = await host.RunAsync(tenant, MoveOutHandler.HandleAsync, new MoveOutRequest
        {
            Header = On(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 20)),
            HouseholdNumber = ichiroHousehold, Destination = "大阪府大阪市北区中之島一丁目3番20号",
        });
        await host.RunAsync(tenant, CancellationHandler.HandleAsync, new CancellationRequest { MovementId = moveOut.MovementId, Reason = "届出人の申出による取消し" });

        // Current state
        var hanakoNow = await host.GetAsync(tenant, hanako);
        Assert.Equal(HouseholdRules.HeadRelationship, hanakoNow.Record.Relationship);
        Assert.Equal("千代田区神田9番9号", hanakoNow.Record.Address.Display);
        Assert.Equal([hanako, sakura], hanakoNow.Household.Select(m => m.AddresseeNumber));
        var taroNow = await host.GetAsync(tenant, taro);
        Assert.Equal(ResidentStatus.Removed, taroNow.Record.Status);
        Assert.Equal(new DateOnly(2026, 10, 1), taroNow.Record.RemovedOn);
        var ichiroNow = await host.GetAsync(tenant, ichiro);
        Assert.Equal(ResidentStatus.Resident, ichiroNow.Record.Status); // the 転出 was cancelled
        Assert.Null(ichiroNow.Record.MoveOut);
        Assert.Equal(ichiroHousehold, ichiroNow.Record.HouseholdNumber);
        Assert.Equal("千代田区千代田1番1号", ichiroNow.Record.Address.Display); // he did not move with the household
        Assert.Contains(ichiroNow.History, h => h.MovementId == moveOut.MovementId && h.CancelledByMovementId is not null);

        // As of earlier dates
        var taroBefore = await host.GetAsync(tenant, taro, asOf: new DateOnly(2026, 7, 1));
        Assert.Equal(ResidentStatus.Resident, taroBefore.Record.Status);
        Assert.Equal("千代田区千代田1番1号", taroBefore.Record.Address.Display);
        Assert.Equal([taro, hanako, ichiro, sakura], taroBefore.Household.Select(m => m.AddresseeNumber));
        var hanakoAfterMove = await host.GetAsync(tenant, hanako, asOf: new DateOnly(2026, 9, 15));
        Assert.Equal("妻", hanakoAfterMove.Record.Relationship);
        Assert.Equal("千代田区神田9番9号", hanakoAfterMove.Record.Address.Display);
        Assert.Equal([taro, hanako, sakura], hanakoAfterMove.Household.Select(m => m.AddresseeNumber));
        var ichiroBeforeSplit = await host.GetAsync(tenant, ichiro, asOf: new DateOnly(2026, 7, 31));
        Assert.Equal(household, ichiroBeforeSplit.Record.HouseholdNumber);
        Assert.Equal("子", ichiroBeforeSplit.Record.Relationship);
        await Assert.ThrowsAsync<Platform.Errors.DomainException>(() => host.GetAsync(tenant, sakura, asOf: new DateOnly(2026, 6, 9)));
    }
}
