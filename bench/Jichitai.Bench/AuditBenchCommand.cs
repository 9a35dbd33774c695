using System.CommandLine;
using Jichitai.Platform.Persistence;

namespace Jichitai.Bench;

/// <summary><c>audit [--count N] [--provider postgresql|sqlite|both] …</c></summary>
internal static class AuditBenchCommand
{
    public static Command Build()
    {
        var count = new Option<int>("--count")
        {
            Description = "Measured appends per insert scenario (split evenly over the writers); the same count for the baseline",
            DefaultValueFactory = _ => AuditBenchOptions.Default.Count,
        };
        var warmup = new Option<int>("--warmup")
        {
            Description = "Unmeasured operations before each measurement (default: count / 5, at least 50)",
        };
        var provider = new Option<string>("--provider")
        {
            Description = "postgresql, sqlite or both",
            DefaultValueFactory = _ => "both",
        };
        provider.AcceptOnlyFromAmong("postgresql", "sqlite", "both");
        var writers = new Option<int>("--writers")
        {
            Description = "Concurrent writers in the contended scenarios",
            DefaultValueFactory = _ => AuditBenchOptions.Default.Writers,
        };
        var verifyEntries = new Option<int>("--verify-entries")
        {
            Description = "Length N of the chain that is verified",
            DefaultValueFactory = _ => AuditBenchOptions.Default.VerifyEntries,
        };
        var verifyPasses = new Option<int>("--verify-passes")
        {
            Description = "Measured passes over that chain (after one warm-up pass)",
            DefaultValueFactory = _ => AuditBenchOptions.Default.VerifyPasses,
        };
        var markdown = new Option<FileInfo?>("--markdown")
        {
            Description = "Also write the Markdown results table to this file",
        };

        var command = new Command("audit", "Tamper-evident audit log: IAuditLog.AppendAsync and AuditVerifier against plain-insert / plain-select baselines")
        {
            count, warmup, provider, writers, verifyEntries, verifyPasses, markdown,
        };
        foreach (var (option, min) in new[] { (count, 1), (warmup, 0), (writers, 1), (verifyEntries, 1), (verifyPasses, 1) })
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int>() < min) r.AddError($"{option.Name} must be at least {min}");
            });
        command.SetAction(async (r, ct) =>
        {
            var n = r.GetValue(count);
            var options = new AuditBenchOptions(
                Count: n,
                Warmup: r.GetResult(warmup) is null ? Math.Max(50, n / 5) : r.GetValue(warmup),
                Writers: r.GetValue(writers),
                VerifyEntries: r.GetValue(verifyEntries),
                VerifyPasses: r.GetValue(verifyPasses),
                Providers: r.GetValue(provider) switch
                {
                    "postgresql" => [DatabaseProvider.PostgreSql],
                    "sqlite" => [DatabaseProvider.Sqlite],
                    _ => [DatabaseProvider.PostgreSql, DatabaseProvider.Sqlite],
                },
                MarkdownFile: r.GetValue(markdown));
            return await new AuditBenchmark(options, Console.Out).RunAsync(ct);
        });
        return command;
    }
}

internal sealed record AuditBenchOptions(
    int Count, int Warmup, int Writers, int VerifyEntries, int VerifyPasses,
    IReadOnlyList<DatabaseProvider> Providers, FileInfo? MarkdownFile)
{
    /// <summary>Sized so that both providers together finish in well under two minutes on 2 cores.</summary>
    public static readonly AuditBenchOptions Default = new(
        Count: 1000, Warmup: 200, Writers: 8, VerifyEntries: 10_000, VerifyPasses: 10,
        Providers: [DatabaseProvider.PostgreSql, DatabaseProvider.Sqlite], MarkdownFile: null);
}
