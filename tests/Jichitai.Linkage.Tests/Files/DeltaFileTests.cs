using System.Text;
using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Files;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;

namespace Jichitai.Linkage.Tests.Files;

/// <summary>差分ファイル: the documented CSV, UTF-8 or CP932, continuing from the last file; refused whole when a character does not fit.</summary>
public class DeltaFileTests
{
    private static Task<DeltaFileResult> WriteAsync(LinkageTestHost host, Jichitai.Platform.Tenancy.Tenant tenant, ConsumerCreated c, string path, long? after = null) =>
        host.AsTenant(tenant, (DeltaFiles f) => f.WriteAsync(tenant.Id, c.Consumer.Id, path, after, LinkageTestHost.Admin, default));

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheFile_HasOneRowPerEvent_BeforeAndAfterPerItem_AndTheNextFileContinues(DatabaseProvider provider)
    {
        await using var host = await LinkageTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var consumer = await host.AddConsumerAsync(tenant, new ConsumerRequest("住民税(旧システム)", ConsumerKind.File, ["name", "address"], FileEncoding: "cp932"));
        var family = await host.MoveInFamilyAsync(tenant);
        var dir = Directory.CreateTempSubdirectory("jc-delta-").FullName;

        var first = await WriteAsync(host, tenant, consumer, Path.Combine(dir, "1.csv"));
        Assert.Equal((0L, 3L, 3), (first.From, first.To, first.Rows));
        var lines = File.ReadAllLines(Path.Combine(dir, "1.csv"), Encoding.GetEncoding(932));
        Assert.Equal("連番,イベントID,異動事由コード,異動事由,異動日,届出日,宛名番号,世帯番号,氏名(異動前),氏名(異動後),住所(異動前),住所(異動後)", lines[0]);
        Assert.StartsWith("1,", lines[1]);
        Assert.EndsWith($",101,転入,2026-11-20,2026-11-20,{family.AddresseeNumbers[0]},{family.HouseholdNumbers[0]},,山田　太郎,,千代田区千代田1番1号", lines[1]);
        Assert.Equal(4, lines.Length);

        await host.RelocateAsync(tenant, family.HouseholdNumbers[0], "2番2号");
        var second = await WriteAsync(host, tenant, consumer, Path.Combine(dir, "2.csv"));
        Assert.Equal((3L, 6L, 3), (second.From, second.To, second.Rows));
        var next = File.ReadAllLines(Path.Combine(dir, "2.csv"), Encoding.GetEncoding(932));
        Assert.EndsWith(",山田　太郎,山田　太郎,千代田区千代田1番1号,千代田区千代田2番2号", next[1]);
        Assert.Equal(6, (await host.ConsumerAsync(consumer.Consumer.Id)).Cursor);

        // An explicit start writes again without moving the cursor.
        var again = await WriteAsync(host, tenant, consumer, Path.Combine(dir, "again.csv"), after: 0);
        Assert.Equal(6, again.Rows);
        Assert.Equal(6, (await host.ConsumerAsync(consumer.Consumer.Id)).Cursor);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACharacterCp932CannotHold_StopsTheFile_AndTheCursorStays(DatabaseProvider provider)
    {
        await using var host = await LinkageTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var consumer = await host.AddConsumerAsync(tenant, new ConsumerRequest("住民税(旧システム)", ConsumerKind.File, ["name"], FileEncoding: "cp932"));
        await host.MoveInFamilyAsync(tenant, family: "𠮷田", kana: "ヨシダ");
        var path = Path.Combine(Directory.CreateTempSubdirectory("jc-delta-").FullName, "d.csv");
        var refused = await Assert.ThrowsAsync<DomainException>(() => WriteAsync(host, tenant, consumer, path));
        Assert.Contains("U+20BB7", refused.Message);
        Assert.Contains("連番 1", refused.Message);
        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + ".part"));
        Assert.Equal(0, (await host.ConsumerAsync(consumer.Consumer.Id)).Cursor);
    }
}
