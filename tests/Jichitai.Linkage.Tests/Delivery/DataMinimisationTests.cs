using System.Text.Json.Nodes;
using Jichitai.Linkage.Api;
using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Restrictions;
using Jichitai.Testing;
using Json.Schema;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Linkage.Tests.Delivery;

/// <summary>A consumer receives exactly its granted items: 個人番号 only as マイナンバー利用事務, 支援措置 only when declared.</summary>
public class DataMinimisationTests
{
    private const string Number = "123456789018";

    private static async Task<JsonArray> PullAsync(LinkageTestHost host, Tenant tenant, ConsumerCreated consumer, long after = 0) =>
        (await host.AsTenant(tenant, (ConsumerFeeds f) => f.EventsAsync(tenant.Id, consumer.Consumer.Id, after, 1000, LinkageTestHost.Admin, default)))["events"]!.AsArray();

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EachConsumer_ReceivesOnlyItsGrant(DatabaseProvider provider)
    {
        await using var host = await LinkageTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var school = await host.AddConsumerAsync(tenant, new ConsumerRequest("就学システム", ConsumerKind.Pull, ["name", "birthDate", "address"]));
        var tax = await host.AddConsumerAsync(tenant, new ConsumerRequest("税務システム", ConsumerKind.Pull, ["name", "address", "personalNumber", "supportMeasure"], PersonalNumberUse: true, NeedsSupportMeasures: true));
        var family = await host.MoveInFamilyAsync(tenant, personalNumber: Number);
        await host.AsTenant(tenant, (RestrictionService s) => s.CreateAsync(new CreateRestrictionRequest
        {
            Kind = "支援措置", AddresseeNumber = family.AddresseeNumbers[1], Movement = "アラート", Issuance = "エラー", Inquiry = "アラート",
            StartOn = new DateOnly(2026, 11, 25), Reason = "DV等支援措置申出書",
        }, LinkageTestHost.Admin, default));
        await host.RelocateAsync(tenant, family.HouseholdNumbers[0], "7番7号");

        var schoolEvents = await PullAsync(host, tenant, school);
        // 3 転入 + 3 転居; the 支援措置 event (sequence 4) is not even announced to a consumer without that grant.
        Assert.Equal([1L, 2, 3, 5, 6, 7], schoolEvents.Select(e => e!["sequence"]!.GetValue<long>()));
        foreach (var e in schoolEvents)
        {
            Assert.Equal(["address", "birthDate", "name"], e!["after"]!.AsObject().Select(p => p.Key).Order());
            Assert.DoesNotContain(Number, e.ToJsonString());
            Assert.DoesNotContain("支援措置", e.ToJsonString());
        }

        var taxEvents = await PullAsync(host, tenant, tax);
        Assert.Equal(7, taxEvents.Count);
        Assert.Equal(Number, taxEvents[0]!["after"]!["personalNumber"]!.GetValue<string>()); // decrypted for マイナンバー利用事務
        var measure = taxEvents[3]!;
        Assert.Equal("S01", measure["reasonCode"]!.GetValue<string>());
        Assert.Equal(family.AddresseeNumbers[1], measure["addresseeNumber"]!.GetValue<string>());
        Assert.Equal("支援措置", measure["after"]!["supportMeasure"]!["kind"]!.GetValue<string>());
        Assert.Null(measure["$requires"]);
        Assert.Equal("支援措置", taxEvents[5]!["after"]!["supportMeasure"]!["kind"]!.GetValue<string>()); // 花子's 転居 carries it
        Assert.Null(taxEvents[4]!["after"]!["supportMeasure"]); // 太郎 has none
        Assert.DoesNotContain("DV等支援措置申出書", taxEvents.ToJsonString()); // the reason never leaves
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ProtectedItems_CannotBeGranted_WithoutTheFlag_AndAStaleGrantGivesNothing(DatabaseProvider provider)
    {
        await using var host = await LinkageTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var refused = await Assert.ThrowsAsync<DomainException>(() => host.AddConsumerAsync(tenant, new ConsumerRequest("国保", ConsumerKind.Pull, ["name", "personalNumber"])));
        Assert.Equal("linkage.grant.personal-number", refused.Code);
        Assert.Contains("マイナンバー利用事務", refused.Message);
        var noNeed = await Assert.ThrowsAsync<DomainException>(() => host.AddConsumerAsync(tenant, new ConsumerRequest("国保", ConsumerKind.Pull, ["supportMeasure"])));
        Assert.Equal("linkage.grant.support-measures", noNeed.Code);
        var unknown = await Assert.ThrowsAsync<DomainException>(() => host.AddConsumerAsync(tenant, new ConsumerRequest("国保", ConsumerKind.Pull, ["salary"])));
        Assert.Equal("items", unknown.Field);

        // A grant row changed behind the service's back (or a flag removed later) still yields no 個人番号.
        var consumer = await host.AddConsumerAsync(tenant, new ConsumerRequest("国保", ConsumerKind.Pull, ["name"]));
        await using (var db = LinkageDatabase.Create(host.Database.Settings.Database, TenantScope.System))
            await db.Consumers.Where(c => c.Id == consumer.Consumer.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Items, "name,personalNumber,supportMeasure"));
        await host.MoveInFamilyAsync(tenant, personalNumber: Number);
        var events = await PullAsync(host, tenant, consumer);
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal(["name"], e!["after"]!.AsObject().Select(p => p.Key)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GrantChanges_NeedAReason_AndAreInTheAccessLog(DatabaseProvider provider)
    {
        await using var host = await LinkageTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var consumer = await host.AddConsumerAsync(tenant, new ConsumerRequest("介護保険システム", ConsumerKind.Pull, ["name"]));
        var noReason = await Assert.ThrowsAsync<DomainException>(() => host.Consumers.ChangeGrantsAsync(tenant.Id, consumer.Consumer.Id, ["name", "birthDate"], false, false, " ", LinkageTestHost.Admin, default));
        Assert.Equal("reason", noReason.Field);
        await host.Consumers.ChangeGrantsAsync(tenant.Id, consumer.Consumer.Id, ["name", "birthDate", "personalNumber"], true, false, "番号法別表 介護保険の事務", LinkageTestHost.Admin, default);
        Assert.Equal("name,birthDate,personalNumber", (await host.ConsumerAsync(consumer.Consumer.Id)).Items);
        await using var platform = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.System);
        var line = await platform.AuditEntries.Where(a => a.Action == Platform.Audit.AuditActions.LinkageConsumerChange && a.Reason != null).SingleAsync();
        Assert.Equal("番号法別表 介護保険の事務", line.Reason);
        Assert.Contains("[氏名] → [マイナンバー利用事務、氏名・生年月日・個人番号]", line.Detail);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeliveredEvents_MatchThePublishedJsonSchema(DatabaseProvider provider)
    {
        await using var host = await LinkageTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var everything = host.Services.GetService(typeof(LinkageCatalog)) is LinkageCatalog c ? c.Items.Select(i => i.Key).ToList() : [];
        var consumer = await host.AddConsumerAsync(tenant, new ConsumerRequest("全項目", ConsumerKind.Pull, everything, PersonalNumberUse: true, NeedsSupportMeasures: true));
        var family = await host.MoveInFamilyAsync(tenant, personalNumber: Number);
        await host.AsTenant(tenant, (RestrictionService s) => s.CreateAsync(new CreateRestrictionRequest
        {
            Kind = "支援措置", HouseholdNumber = family.HouseholdNumbers[0], Movement = "アラート", Issuance = "エラー", Inquiry = "アラート",
            StartOn = new DateOnly(2026, 11, 25), Reason = "申出",
        }, LinkageTestHost.Admin, default));
        await host.RelocateAsync(tenant, family.HouseholdNumbers[0], "8番");

        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "resident-changed.schema.json")));
        var events = await PullAsync(host, tenant, consumer);
        Assert.Equal(9, events.Count);
        foreach (var e in events)
        {
            var result = schema.Evaluate(e, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
            Assert.True(result.IsValid, e!.ToJsonString() + "\n" + string.Join("\n", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(x => $"{d.InstanceLocation}: {x.Value}"))));
        }
        // The schema lists exactly the catalog's items.
        var schemaItems = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "resident-changed.schema.json")))!["$defs"]!["items"]!["properties"]!.AsObject().Select(p => p.Key);
        Assert.Equal(everything.Order(), schemaItems.Order());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A抑止_SetAndEnded_IsPassedOn_OnlyToConsumersGrantedIt(DatabaseProvider provider)
    {
        // 標準3.2: 抑止設定及び解除について宛名システム等にデータ連携できること.
        await using var host = await LinkageTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var atena = await host.AddConsumerAsync(tenant, new ConsumerRequest("宛名システム", ConsumerKind.Pull, ["name", "restriction"]));
        var school = await host.AddConsumerAsync(tenant, new ConsumerRequest("就学システム", ConsumerKind.Pull, ["name"]));
        var family = await host.MoveInFamilyAsync(tenant);
        var set = await host.AsTenant(tenant, (RestrictionService s) => s.CreateAsync(new CreateRestrictionRequest
        {
            Kind = "抑止", HouseholdNumber = family.HouseholdNumbers[0], Movement = "アラート", Issuance = "エラー", Inquiry = "なし",
            StartOn = new DateOnly(2026, 11, 25), Reason = "裁判所からの照会中",
        }, LinkageTestHost.Admin, default));
        await host.AsTenant(tenant, (RestrictionService s) => s.EndAsync(set.Id, new EndRestrictionRequest(new DateOnly(2026, 11, 26), "照会終了"), LinkageTestHost.Admin, default));

        var events = await PullAsync(host, tenant, atena);
        Assert.Equal(9, events.Count); // 3 転入, 3 × 抑止の設定 (the whole household), 3 × 抑止の終了
        var started = events[3]!;
        Assert.Equal(("S04", "抑止の設定"), (started["reasonCode"]!.GetValue<string>(), started["reason"]!.GetValue<string>()));
        Assert.Equal("エラー", started["after"]!["restriction"]!["issuance"]!.GetValue<string>());
        Assert.Equal("S05", events[6]!["reasonCode"]!.GetValue<string>());
        Assert.Null(events[6]!["after"]!["restriction"]);
        Assert.Equal("2026-11-25", events[6]!["before"]!["restriction"]!["startOn"]!.GetValue<string>());
        Assert.DoesNotContain("裁判所", events.ToJsonString());

        Assert.Equal([1L, 2, 3], (await PullAsync(host, tenant, school)).Select(e => e!["sequence"]!.GetValue<long>()));
    }
}
