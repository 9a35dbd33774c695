using System.CommandLine;

namespace Jichitai.Bench;

/// <summary><c>linkage [--events N] [--rate R] [--seconds S] [--workers W] [--residents N] [--provider sqlite|postgresql|both] [--only drain|steady|both] [--batch-size B]</c></summary>
internal static class LinkageCommand
{
    public static Command Build()
    {
        var events = new Option<int>("--events") { Description = "Drain: events in the outbox before the dispatcher starts", DefaultValueFactory = _ => 100_000 };
        var rate = new Option<double>("--rate") { Description = "Steady load: 異動 per second to commit", DefaultValueFactory = _ => 500 };
        var seconds = new Option<int>("--seconds") { Description = "Steady load: how long", DefaultValueFactory = _ => 30 };
        var workers = new Option<int>("--workers") { Description = "Steady load: concurrent 異動 writers", DefaultValueFactory = _ => 8 };
        var residents = new Option<int>("--residents") { Description = "Steady load: residents of the generated registry whose households move", DefaultValueFactory = _ => 30_000 };
        var provider = new Option<string>("--provider") { Description = "postgresql, sqlite or both", DefaultValueFactory = _ => "both" };
        provider.AcceptOnlyFromAmong("postgresql", "sqlite", "both");
        var batchSize = new Option<int?>("--batch-size") { Description = "Override LinkageOptions.BatchSize (default: the product default)" };
        var only = new Option<string>("--only") { Description = "drain, steady or both", DefaultValueFactory = _ => "both" };
        only.AcceptOnlyFromAmong("drain", "steady", "both");
        var command = new Command("linkage",
            "連携: drain N outbox events through one LinkageDispatcher to a signature-checking webhook receiver (baseline: plain SELECT + plain POST), " +
            "then real 転居 at a fixed rate with the dispatcher in process (latency from commit to receipt)")
            { events, rate, seconds, workers, residents, provider, only, batchSize };
        command.SetAction(async (r, ct) =>
        {
            var providers = r.GetValue(provider) switch
            {
                "sqlite" => new[] { Jichitai.Platform.Persistence.DatabaseProvider.Sqlite },
                "postgresql" => [Jichitai.Platform.Persistence.DatabaseProvider.PostgreSql],
                _ => [Jichitai.Platform.Persistence.DatabaseProvider.Sqlite, Jichitai.Platform.Persistence.DatabaseProvider.PostgreSql],
            };
            var o = new LinkageBenchOptions(r.GetValue(events), r.GetValue(rate), r.GetValue(seconds), r.GetValue(workers), r.GetValue(residents), providers, r.GetValue(only)!, r.GetValue(batchSize));
            return await new LinkageBenchmark(o, Console.Out).RunAsync(ct);
        });
        return command;
    }
}
