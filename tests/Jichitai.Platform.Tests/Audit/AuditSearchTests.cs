using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Platform.Tests.Audit;

public class AuditSearchTests
{
    [Theory]
    [InlineData("2026-11-25T13:00:00Z", true)]  // 22:00 JST Wednesday
    [InlineData("2026-11-25T12:59:59Z", false)] // 21:59 JST
    [InlineData("2026-11-24T20:59:59Z", true)]  // 05:59 JST Wednesday
    [InlineData("2026-11-24T21:00:00Z", false)] // 06:00 JST
    [InlineData("2026-11-28T03:00:00Z", true)]  // 12:00 JST Saturday
    [InlineData("2026-11-27T14:59:59Z", true)]  // 23:59 JST Friday
    [InlineData("2026-11-29T15:00:00Z", true)]  // 00:00 JST Monday: before 06:00
    [InlineData("2026-11-30T03:00:00Z", false)] // 12:00 JST Monday
    public void IsOffHours_UsesJapanTime(string utc, bool expected)
    {
        var at = DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(expected, AuditSearch.IsOffHours(at));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_ByOutcomeAndSubject_AndCountsSignInsPerStaff(DatabaseProvider provider)
    {
        await using var host = await PlatformTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync("131016", "千代田区");
        var log = host.Services.GetRequiredService<IAuditLog>();
        var yamada = new AuditActor(Guid.NewGuid(), "yamada", "10.0.0.1");
        var sato = new AuditActor(Guid.NewGuid(), "sato", "10.0.0.2");
        await log.AppendAsync(tenant.Id, yamada, new AuditRecord(AuditActions.SignInPassword, AuditOutcome.Failure));
        await log.AppendAsync(tenant.Id, yamada, new AuditRecord(AuditActions.SignInPassword, AuditOutcome.Failure));
        await log.AppendAsync(tenant.Id, yamada, new AuditRecord(AuditActions.SignInTotp));
        await log.AppendAsync(tenant.Id, sato, new AuditRecord(AuditActions.SignInTotp));
        await log.AppendAsync(tenant.Id, sato, new AuditRecord(AuditActions.PersonalDataRead, SubjectId: "000000012"));

        await using var scope = host.Scope(TenantScope.ForTenant(tenant.Id));
        var search = scope.ServiceProvider.GetRequiredService<AuditSearch>();
        var failures = await search.SearchAsync(new AuditQuery(Outcome: AuditOutcome.Failure), PlatformTestHost.Actor);
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Equal("yamada", f.ActorName));
        var bySubject = await search.SearchAsync(new AuditQuery(Subject: "000000012"), PlatformTestHost.Actor);
        Assert.Equal("sato", Assert.Single(bySubject).ActorName);

        var counts = await search.SignInCountsAsync(null, null);
        Assert.Equal(new SignInCount("yamada", 1, 2), counts[0]);
        Assert.Equal(new SignInCount("sato", 1, 0), counts[1]);

        // Searching is itself recorded.
        await using var db = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.System);
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AuditSearch && e.ChainId == tenant.Id));
    }
}
