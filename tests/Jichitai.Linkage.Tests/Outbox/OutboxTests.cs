using System.Text.Json.Nodes;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;

namespace Jichitai.Linkage.Tests.Outbox;

/// <summary>Each committed 異動 writes its events in the same transaction, with a gapless per-tenant sequence.</summary>
public class OutboxTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryChangedPerson_GetsOneEvent_WithBeforeAndAfter(DatabaseProvider provider)
    {
        await using var host = await LinkageTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var moveIn = await host.MoveInFamilyAsync(tenant);
        await host.RelocateAsync(tenant, moveIn.HouseholdNumbers[0], "2番2号");

        var events = await host.EventsAsync(tenant);
        Assert.Equal([1L, 2, 3, 4, 5, 6], events.Select(e => e.Sequence));
        Assert.All(events, e => Assert.Equal("registry.resident-changed", e.Type));
        Assert.Equal(6, events.Select(e => e.EventId).Distinct().Count());
        var first = JsonNode.Parse(events[0].Payload)!;
        Assert.Equal("転入", first["reason"]!.GetValue<string>());
        Assert.Null(first["before"]);
        Assert.Equal("千代田区千代田1番1号", first["after"]!["address"]!.GetValue<string>());
        Assert.Equal(moveIn.AddresseeNumbers[0], events[0].SubjectKey);
        var relocation = JsonNode.Parse(events[3].Payload)!;
        Assert.Equal("転居", relocation["reason"]!.GetValue<string>());
        Assert.Equal("千代田区千代田1番1号", relocation["before"]!["address"]!.GetValue<string>());
        Assert.Equal("千代田区千代田2番2号", relocation["after"]!["address"]!.GetValue<string>());
        Assert.Equal("2026-11-25", relocation["effectiveOn"]!.GetValue<string>());
        Assert.Equal(moveIn.HouseholdNumbers[0], relocation["householdNumber"]!.GetValue<string>());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARejectedMovement_WritesNoEvent_AndUsesNoNumber(DatabaseProvider provider)
    {
        await using var host = await LinkageTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var moveIn = await host.MoveInFamilyAsync(tenant);
        await Assert.ThrowsAsync<DomainException>(() => host.RelocateAsync(tenant, "999999999", "2番2号"));
        await host.RelocateAsync(tenant, moveIn.HouseholdNumbers[0], "3番3号");
        Assert.Equal([1L, 2, 3, 4, 5, 6], (await host.EventsAsync(tenant)).Select(e => e.Sequence));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConcurrentMovements_GetGaplessNumbers_PerTenant(DatabaseProvider provider)
    {
        await using var host = await LinkageTestHost.CreateAsync(provider);
        var a = await host.CreateTenantAsync();
        var b = await host.CreateTenantAsync("132012", "八王子市");
        var families = new List<(Jichitai.Platform.Tenancy.Tenant Tenant, string Household)>();
        foreach (var (family, kana) in Families)
        {
            families.Add((a, (await host.MoveInFamilyAsync(a, family, kana)).HouseholdNumbers[0]));
            families.Add((b, (await host.MoveInFamilyAsync(b, family, kana)).HouseholdNumbers[0]));
        }
        // Eight households move at once, three times each, in two tenants.
        await Task.WhenAll(families.Select(async f =>
        {
            for (var round = 0; round < 3; round++)
                await Retry(() => host.RelocateAsync(f.Tenant, f.Household, $"{round + 10}番{Random.Shared.Next(100)}号"));
        }));
        foreach (var t in new[] { a, b })
        {
            var events = await host.EventsAsync(t);
            Assert.Equal(Enumerable.Range(1, 12 + 36).Select(i => (long)i), events.Select(e => e.Sequence));
            // Per person, the events follow the order of that person's changes.
            foreach (var person in events.GroupBy(e => e.SubjectKey))
            {
                var blocks = person.Select(e => JsonNode.Parse(e.Payload)!).ToList();
                for (var i = 1; i < blocks.Count; i++)
                    Assert.Equal(blocks[i - 1]["after"]!["address"]!.GetValue<string>(), blocks[i]["before"]!["address"]!.GetValue<string>());
            }
        }
    }

    internal static readonly (string Family, string Kana)[] Families = [("山田", "ヤマダ"), ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ")];

    /// <summary>SQLite serialises writers with SQLITE_BUSY after its timeout; a clerk would press 登録 again.</summary>
    private static async Task Retry(Func<Task> action)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { await action(); return; }
            catch (Exception e) when (attempt < 5 && e is not DomainException) { await Task.Delay(50); }
        }
    }
}
