using System.CommandLine;

namespace Jichitai.Bench;

/// <summary><c>care [--residents N] [--provider sqlite|postgresql|both] [--seed S]</c></summary>
internal static class CareCommand
{
    public static Command Build()
    {
        var residents = new Option<int>("--residents") { Description = "Residents of the generated city (about 29 % are 65 or over)", DefaultValueFactory = _ => 1_000_000 };
        var provider = new Option<string>("--provider") { Description = "postgresql, sqlite or both", DefaultValueFactory = _ => "both" };
        provider.AcceptOnlyFromAmong("postgresql", "sqlite", "both");
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var command = new Command("care",
            "介護保険 本算定 for a generated city: AssessmentRuns.RunAsync against a baseline that reads the same inputs and writes the same number of result rows with raw SQL")
            { residents, provider, seed };
        command.SetAction(async (r, ct) =>
        {
            var providers = r.GetValue(provider) switch
            {
                "sqlite" => new[] { Jichitai.Platform.Persistence.DatabaseProvider.Sqlite },
                "postgresql" => [Jichitai.Platform.Persistence.DatabaseProvider.PostgreSql],
                _ => [Jichitai.Platform.Persistence.DatabaseProvider.PostgreSql, Jichitai.Platform.Persistence.DatabaseProvider.Sqlite],
            };
            return await new CareBenchmark(r.GetValue(residents), r.GetValue(seed), providers, Console.Out).RunAsync(ct);
        });
        return command;
    }
}
