using Jichitai.Care.Assessment;
using Jichitai.Care.Persistence;
using Jichitai.Care.Qualification;
using Jichitai.Linkage.Consumers;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.MoveOut;
using Jichitai.Registry.Features.Removal;
using Jichitai.Registry.Movements;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Care.Tests.Qualification;

/// <summary>
/// 標準 0230265: the registry's 異動 reach 介護保険 only as linkage events (in-process subscriber with a stored cursor);
/// the qualification follows, 更正 follows a year already assessed, and a redelivery changes nothing.
/// </summary>
public sealed class RegistryToCareTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task MoveInDeathAndMoveOut_DriveTheQualification(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var moved = await MoveInAsync(host, tenant, new DateOnly(2026, 6, 15),
            ("佐藤", "一郎", "イチロウ", new DateOnly(1955, 3, 3), "男", "世帯主"),  // 71: insured from the day of 転入
            ("佐藤", "幸子", "サチコ", new DateOnly(1961, 12, 1), "女", "妻"),      // 65 on 2026-11-30
            ("佐藤", "健", "ケン", new DateOnly(1995, 8, 8), "男", "子"));          // 31: not insured
        await host.DeliverAsync();

        await using (var db = host.Db(tenant))
        {
            var insured = await db.Insured.AsNoTracking().OrderBy(i => i.InsuredNumber).ToListAsync();
            Assert.Equal(2, insured.Count);
            Assert.All(insured, i => Assert.True(InsuredNumbers.IsValid(i.InsuredNumber)));
            Assert.Equal(3, await db.People.CountAsync()); // everyone is known (the household matters for the stage), only two are insured
            var ichiro = Periods(insured[0]);
            Assert.Equal(new QualificationPeriod(new DateOnly(2026, 6, 15), "転入", null, null), Assert.Single(ichiro));
            var sachiko = Periods(insured[1]);
            Assert.Equal(new QualificationPeriod(new DateOnly(2026, 11, 30), "65歳到達", null, null), Assert.Single(sachiko));
        }

        // 本算定 for 2026, then the head dies on 2026-11-10: the qualification ends the next day and a 更正 follows.
        await host.AsTenant<AssessmentRuns, AssessmentRunRow>(tenant, r => r.RunAsync(tenant.Id, 2026, CareTestHost.Officer, null, default));
        var head = moved.AddresseeNumbers[0];
        await Execute(host, tenant, (s, c) => RemovalHandler.HandleAsync(s, new RemovalRequest
        {
            Header = Header(new DateOnly(2026, 11, 10)), AddresseeNumber = head, Kind = "死亡",
            RemainingHousehold = new HeadAssignment { NewHeadAddresseeNumber = moved.AddresseeNumbers[1], Relationships = new Dictionary<string, string> { [moved.AddresseeNumbers[2]] = "子" } },
        }, c));
        await host.DeliverAsync();
        await using (var db = host.Db(tenant))
        {
            var row = await db.Insured.AsNoTracking().SingleAsync(i => i.AddresseeNumber == head);
            Assert.Equal(new DateOnly(2026, 11, 11), Assert.Single(Periods(row)).LostOn);
            var current = await db.Assessments.AsNoTracking().SingleAsync(a => a.AddresseeNumber == head && a.IsCurrent);
            Assert.Equal(AssessmentKinds.Revision, current.Kind);
            Assert.Equal(5, current.Months); // June to October
            var history = await db.QualificationChanges.AsNoTracking().Where(h => h.AddresseeNumber == head).OrderBy(h => h.Id).ToListAsync();
            Assert.Equal(2, history.Count);
            Assert.Contains("死亡", history[1].Reason);
        }

        // Redelivery of everything (a consumer replayed from 1) changes nothing.
        int changes;
        await using (var db = host.Db(tenant)) changes = await db.QualificationChanges.CountAsync() + await db.Assessments.CountAsync();
        var consumer = (await host.AsTenant<ConsumerService, IReadOnlyList<ConsumerStatus>>(tenant, s => s.ListAsync(tenant.Id, default))).Single(c => c.Consumer.Name == RegistrySubscriber.ConsumerName);
        await host.AsTenant<ConsumerService>(tenant, s => s.ReplayAsync(tenant.Id, consumer.Consumer.Id, 1, CareTestHost.Officer, default));
        await host.DeliverAsync();
        await using (var db = host.Db(tenant)) Assert.Equal(changes, await db.QualificationChanges.CountAsync() + await db.Assessments.CountAsync());

        // 転出 of the wife planned for 2026-12-20 (notified today, to another municipality): she loses it that same day.
        await Execute(host, tenant, (s, c) => MoveOutHandler.HandleAsync(s, new MoveOutRequest
        {
            Header = new MovementHeader { EffectiveOn = new DateOnly(2026, 12, 20), NotifiedOn = Today }, HouseholdNumber = moved.HouseholdNumbers[0], AddresseeNumbers = [moved.AddresseeNumbers[1]], Destination = "神奈川県川崎市川崎区宮本町1番地",
            RemainingHousehold = new HeadAssignment { NewHeadAddresseeNumber = moved.AddresseeNumbers[2] },
        }, c));
        await host.DeliverAsync();
        await using (var db = host.Db(tenant))
        {
            var wife = await db.Insured.AsNoTracking().SingleAsync(i => i.AddresseeNumber == moved.AddresseeNumbers[1]);
            Assert.Equal((new DateOnly(2026, 12, 20), "転出"), (Assert.Single(Periods(wife)).LostOn!.Value, Assert.Single(Periods(wife)).LossReason!));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Snapshot_GivesTheSameQualificationAsTheEvents(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await MoveInAsync(host, tenant, new DateOnly(2026, 6, 15), ("鈴木", "花", "ハナ", new DateOnly(1950, 2, 2), "女", "世帯主"), ("鈴木", "梅", "ウメ", new DateOnly(1958, 1, 1), "女", "母"));
        await host.DeliverAsync();
        List<string> viaEvents;
        await using (var db = host.Db(tenant)) viaEvents = (await db.Insured.AsNoTracking().OrderBy(i => i.AddresseeNumber).ToListAsync()).Select(i => i.AddresseeNumber + i.Periods).ToList();

        // A fresh care database state rebuilt from the registry's 全件 snapshot alone.
        await host.ExecuteAsOwnerAsync("DELETE FROM care_insured; DELETE FROM care_people;");
        var (people, _) = await host.AsTenant<RegistrySync, (int, int)>(tenant, s => s.SyncAsync(tenant.Id, default));
        Assert.Equal(2, people);
        await using (var db = host.Db(tenant))
            Assert.Equal(viaEvents, (await db.Insured.AsNoTracking().OrderBy(i => i.AddresseeNumber).ToListAsync()).Select(i => i.AddresseeNumber + i.Periods).ToList());
    }

    private static List<QualificationPeriod> Periods(InsuredRow row) => CareJson.Read<List<QualificationPeriod>>(row.Periods);

    private static MovementHeader Header(DateOnly day) => new() { EffectiveOn = day, NotifiedOn = day };

    private static Task<MovementResult> Execute(CareTestHost host, Tenant tenant, Func<MovementSession, CancellationToken, Task<MovementDraft>> handler) =>
        host.AsTenant(tenant, (RegistryMovements m) => m.ExecuteAsync(null, CareTestHost.Officer, handler, default));

    private static Task<MovementResult> MoveInAsync(CareTestHost host, Tenant tenant, DateOnly on, params (string Family, string Given, string GivenKana, DateOnly Birth, string Gender, string Relationship)[] members) =>
        Execute(host, tenant, (s, c) => MoveInHandler.HandleAsync(s, new MoveInRequest
        {
            Header = Header(on), Kind = "通常",
            Address = new AddressInput { PostalCode = "100-0001", Town = "千代田区千代田", BlockNumber = "2番2号" },
            PreviousAddress = new PreviousAddressInput { Text = "神奈川県川崎市川崎区宮本町1番地", CertificateIssuer = "川崎市" },
            Members = members.Select(m => new PersonInput
            {
                FamilyName = m.Family, GivenName = m.Given, FamilyNameKana = "サトウ", GivenNameKana = m.GivenKana, BirthDate = m.Birth, Gender = m.Gender,
                Relationship = m.Relationship, Domicile = "東京都千代田区千代田1番", DomicileHead = m.Family + members[0].Given,
            }).ToList(),
        }, c));
}
