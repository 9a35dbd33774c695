using System.CommandLine;

namespace Jichitai.Bench;

/// <summary><c>migration [--residents N] [--provider postgresql|sqlite|both] [--data DIR] [--seed S]</c></summary>
internal static class MigrationCommand
{
    public static Command Build()
    {
        var residents = new Option<int>("--residents") { Description = "Residents of the generated city", DefaultValueFactory = _ => 1_000_000 };
        var provider = new Option<string>("--provider") { Description = "postgresql, sqlite or both", DefaultValueFactory = _ => "both" };
        provider.AcceptOnlyFromAmong("postgresql", "sqlite", "both");
        var data = new Option<string?>("--data") { Description = "Use (or keep) the generated files in this folder instead of a temp folder" };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated city", DefaultValueFactory = _ => 1 };
        var command = new Command("migration",
            "移行: jichitai migrate import/export of a generated city (child processes: wall time, peak memory), against raw COPY baselines on the same PostgreSQL")
            { residents, provider, data, seed };
        command.SetAction(async (r, ct) =>
        {
            await new MigrationBenchmark(new MigrationBenchOptions(r.GetValue(residents), r.GetValue(provider)!, r.GetValue(data), r.GetValue(seed)), Console.Out).RunAsync(ct);
            return 0;
        });
        return command;
    }
}
