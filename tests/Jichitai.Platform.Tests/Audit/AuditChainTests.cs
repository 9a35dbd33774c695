using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Platform.Tests.Audit;

public class AuditChainTests
{
    private static async Task<(PlatformTestHost Host, Tenant Tenant, List<AuditEntry> Entries)> ChainOfFiveAsync(DatabaseProvider provider)
    {
        var host = await PlatformTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync("131016", "千代田区");
        var log = host.Services.GetRequiredService<IAuditLog>();
        var entries = new List<AuditEntry>();
        for (var i = 1; i <= 5; i++)
            entries.Add(await log.AppendAsync(tenant.Id, PlatformTestHost.Actor, new AuditRecord(AuditActions.PersonalDataRead, TargetType: "resident", TargetId: $"R{i}", SubjectId: $"R{i}")));
        return (host, tenant, entries);
    }

    private static async Task<ChainReport> VerifyAsync(PlatformTestHost host, Tenant tenant) =>
        await host.Services.GetRequiredService<AuditVerifier>().VerifyChainAsync(tenant.Id, tenant.Name);

    private static async Task ExecuteAsSystemAsync(PlatformTestHost host, string sql)
    {
        await using var db = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.System);
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_UntouchedChain_Ok(DatabaseProvider provider)
    {
        var (host, tenant, entries) = await ChainOfFiveAsync(provider);
        await using var _ = host;
        var report = await VerifyAsync(host, tenant);
        Assert.True(report.Ok, report.Problem);
        Assert.Equal(5, report.Entries);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), entries.Select(e => e.Seq));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_WhenOneRowIsEdited_NamesThatEntry(DatabaseProvider provider)
    {
        var (host, tenant, entries) = await ChainOfFiveAsync(provider);
        await using var _ = host;
        await ExecuteAsSystemAsync(host, $"UPDATE platform_audit_entries SET target_id = 'R999' WHERE id = {entries[2].Id}");
        var report = await VerifyAsync(host, tenant);
        Assert.False(report.Ok);
        Assert.Contains($"id={entries[2].Id}", report.Problem);
        Assert.Contains("改ざん", report.Problem);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_WhenOneRowIsDeleted_NamesTheFollowingEntry(DatabaseProvider provider)
    {
        var (host, tenant, entries) = await ChainOfFiveAsync(provider);
        await using var _ = host;
        await ExecuteAsSystemAsync(host, $"DELETE FROM platform_audit_entries WHERE id = {entries[1].Id}");
        var report = await VerifyAsync(host, tenant);
        Assert.False(report.Ok);
        Assert.Contains($"id={entries[2].Id}", report.Problem);
        Assert.Contains("seq 2", report.Problem);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_WhenTwoRowsAreSwapped_Detected(DatabaseProvider provider)
    {
        var (host, tenant, entries) = await ChainOfFiveAsync(provider);
        await using var _ = host;
        await ExecuteAsSystemAsync(host, $"UPDATE platform_audit_entries SET seq = -1 WHERE id = {entries[1].Id}");
        await ExecuteAsSystemAsync(host, $"UPDATE platform_audit_entries SET seq = 2 WHERE id = {entries[2].Id}");
        await ExecuteAsSystemAsync(host, $"UPDATE platform_audit_entries SET seq = 3 WHERE id = {entries[1].Id}");
        var report = await VerifyAsync(host, tenant);
        Assert.False(report.Ok);
        Assert.Contains($"id={entries[2].Id}", report.Problem);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_WhenTailIsTruncatedAndHeadRewritten_CheckpointCatchesIt(DatabaseProvider provider)
    {
        var (host, tenant, entries) = await ChainOfFiveAsync(provider);
        await using var _ = host;
        Assert.True(await host.Services.GetRequiredService<AuditCheckpointWriter>().AnchorAllAsync() >= 1);
        // A careful attacker removes the last two entries and makes the head agree with the new tail.
        await ExecuteAsSystemAsync(host, $"DELETE FROM platform_audit_entries WHERE chain_id = {tenant.Id} AND seq > 3");
        await ExecuteAsSystemAsync(host, $"UPDATE platform_audit_chain_heads SET last_seq = 3, last_hash = '{entries[2].Hash}' WHERE chain_id = {tenant.Id}");
        var report = await VerifyAsync(host, tenant);
        Assert.False(report.Ok);
        Assert.Contains("切り詰め", report.Problem);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_WhenCheckpointIsForged_SignatureFails(DatabaseProvider provider)
    {
        var (host, tenant, _) = await ChainOfFiveAsync(provider);
        await using var __ = host;
        await host.Services.GetRequiredService<AuditCheckpointWriter>().AnchorAllAsync();
        await ExecuteAsSystemAsync(host, $"UPDATE platform_audit_checkpoints SET seq = 4 WHERE chain_id = {tenant.Id}");
        var report = await VerifyAsync(host, tenant);
        Assert.False(report.Ok);
        Assert.Contains("署名", report.Problem);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Append_Concurrently_KeepsOneGaplessChain(DatabaseProvider provider)
    {
        await using var host = await PlatformTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync("131016", "千代田区");
        var log = host.Services.GetRequiredService<IAuditLog>();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            log.AppendAsync(tenant.Id, PlatformTestHost.Actor, new AuditRecord(AuditActions.PersonalDataRead, TargetId: $"R{i}")))));
        var report = await VerifyAsync(host, tenant);
        Assert.True(report.Ok, report.Problem);
        Assert.Equal(40, report.Entries);
    }
}
