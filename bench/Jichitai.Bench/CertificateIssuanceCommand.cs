using System.CommandLine;
using Jichitai.Platform.Persistence;

namespace Jichitai.Bench;

/// <summary><c>certificate-issuance [--residents N] [--clerks C] [--interval-ms I] [--seconds S] [--provider postgresql|sqlite|both] [--peak-workers W…]</c></summary>
internal static class CertificateIssuanceCommand
{
    public static Command Build()
    {
        var residents = new Option<int>("--residents") { Description = "Residents of the tenant (rows, including 除票)", DefaultValueFactory = _ => 1_000_000 };
        var clerks = new Option<int>("--clerks") { Description = "Counter clerks, each issuing one certificate every --interval-ms at a fixed rate", DefaultValueFactory = _ => 50 };
        var interval = new Option<int>("--interval-ms") { Description = "Time between two certificates of one clerk (arrivals at a fixed rate, not back to back)", DefaultValueFactory = _ => 2000 };
        var seconds = new Option<int>("--seconds") { Description = "Length of the fixed-rate phase", DefaultValueFactory = _ => 60 };
        var peak = new Option<int[]>("--peak-workers") { Description = "Closed-loop worker counts for the peak-throughput phase", DefaultValueFactory = _ => [2, 4, 8], AllowMultipleArgumentsPerToken = true };
        var peakSeconds = new Option<int>("--peak-seconds") { Description = "Length of each peak-throughput phase", DefaultValueFactory = _ => 20 };
        var provider = new Option<string>("--provider") { Description = "postgresql, sqlite or both", DefaultValueFactory = _ => "postgresql" };
        provider.AcceptOnlyFromAmong("postgresql", "sqlite", "both");
        var seed = new Option<int>("--seed") { Description = "Seed of the generated residents and of the request mix", DefaultValueFactory = _ => 20261127 };
        var command = new Command("certificate-issuance",
            "End-to-end 住民票の写し issuance (search, 交付請求 check, PDF, authenticity registration, 交付履歴, access log) by many clerks at a fixed rate, against render-only and plain-SQL baselines")
        { residents, clerks, interval, seconds, peak, peakSeconds, provider, seed };
        command.SetAction(async (r, ct) =>
        {
            var options = new CertificateIssuanceOptions(
                Math.Max(1000, r.GetValue(residents)), Math.Max(1, r.GetValue(clerks)), Math.Max(10, r.GetValue(interval)), Math.Max(5, r.GetValue(seconds)),
                r.GetValue(peak) ?? [2, 4, 8], Math.Max(5, r.GetValue(peakSeconds)),
                r.GetValue(provider) switch
                {
                    "sqlite" => [DatabaseProvider.Sqlite],
                    "both" => [DatabaseProvider.PostgreSql, DatabaseProvider.Sqlite],
                    _ => [DatabaseProvider.PostgreSql],
                },
                r.GetValue(seed));
            return await new CertificateIssuanceBenchmark(options, Console.Out).RunAsync(ct);
        });
        return command;
    }
}

internal sealed record CertificateIssuanceOptions(int Residents, int Clerks, int IntervalMs, int Seconds, int[] PeakWorkers, int PeakSeconds,
    IReadOnlyList<DatabaseProvider> Providers, int Seed);
