using System.Diagnostics;
using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;
using Xunit.Abstractions;

namespace Jichitai.Linkage.Tests.Delivery;

/// <summary>The dispatcher process killed with SIGKILL mid-delivery: nothing is lost, only the batch in flight may repeat.</summary>
public class DispatcherKillTests(ITestOutputHelper output)
{
    private const int Batch = 4;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task KilledMidDelivery_LosesNothing_AndRepeatsAtMostTheBatchInFlight(DatabaseProvider provider)
    {
        await using var host = await LinkageTestHost.CreateAsync(provider);
        host.Options.BatchSize = Batch;
        var tenant = await host.CreateTenantAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var consumer = await host.AddConsumerAsync(tenant, new ConsumerRequest("税務システム", ConsumerKind.Webhook, ["name", "address"], WebhookUrl: receiver.Url.ToString()));
        receiver.Secret = consumer.WebhookSecret;
        receiver.Delay = TimeSpan.FromMilliseconds(150); // a slow consumer: the kill lands while a batch is in flight
        var households = new List<string>();
        foreach (var (family, kana) in Outbox.OutboxTests.Families) households.Add((await host.MoveInFamilyAsync(tenant, family, kana)).HouseholdNumbers[0]);
        for (var round = 0; round < 8; round++)
            foreach (var h in households) await host.RelocateAsync(tenant, h, $"{round + 30}番");
        const int total = 12 + 96; // 4 families of three: 転入, then 8 転居 each

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { CliAssembly(), "linkage", "dispatch", "--batch-size", $"{Batch}", "--lease-seconds", "2",
                     "--database", host.Database.Settings.Database.SqliteFile ?? host.Database.Settings.Database.ConnectionString, "--keys", host.Database.Settings.KeyDirectory })
            start.ArgumentList.Add(a);
        using (var child = Process.Start(start)!)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (receiver.Events.Count < 16 && DateTime.UtcNow < deadline && !child.HasExited) await Task.Delay(10);
            if (child.HasExited) Assert.Fail("the dispatcher process ended by itself: " + await child.StandardError.ReadToEndAsync());
            Assert.True(receiver.Events.Count >= 16, $"only {receiver.Events.Count} events arrived within a minute");
            await Task.Delay(Random.Shared.Next(150));
            child.Kill(entireProcessTree: true); // SIGKILL: no cleanup, the lease stays until it runs out
            await child.WaitForExitAsync();
        }
        var atKill = receiver.Sequences;
        var cursorAtKill = (await host.ConsumerAsync(consumer.Consumer.Id)).Cursor;
        output.WriteLine($"killed after {atKill.Count} events received; cursor then {cursorAtKill}");
        Assert.True(cursorAtKill < total);

        receiver.Delay = TimeSpan.Zero;
        await LinkageTestHost.RunUntilAsync(host.NewDispatcher(), async () => (await host.ConsumerAsync(consumer.Consumer.Id)).Cursor == total);

        var received = receiver.Sequences;
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), received.Distinct().Order()); // nothing lost
        var firsts = received.Distinct().ToList();
        Assert.Equal(firsts.Order(), firsts); // in order
        var repeated = received.Count - total;
        output.WriteLine($"{repeated} events delivered twice");
        Assert.InRange(repeated, 0, Batch); // at most the batch that was in flight
        Assert.Equal(0, receiver.BadSignatures);
    }

    /// <summary>The CLI from its own build output (bin/&lt;configuration&gt;/net10.0), with its own dependency manifest.</summary>
    private static string CliAssembly()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = bin.Parent!.Name;
        var root = bin;
        while (!File.Exists(Path.Combine(root.FullName, "JichitaiCloud.slnx"))) root = root.Parent!;
        return Path.Combine(root.FullName, "src", "Jichitai.Cli", "bin", configuration, bin.Name, "jichitai.dll");
    }
}
