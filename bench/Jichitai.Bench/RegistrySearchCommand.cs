using System.CommandLine;
using Jichitai.Platform.Persistence;

namespace Jichitai.Bench;

/// <summary><c>registry-search [--residents N] [--tenants T] [--queries Q] [--provider postgresql|sqlite|both] [--recommended-indexes] [--markdown FILE] …</c></summary>
internal static class RegistrySearchCommand
{
    public static Command Build()
    {
        var residents = new Option<int>("--residents")
        {
            Description = "Residents (rows, including 除票) of the measured tenant",
            DefaultValueFactory = _ => RegistrySearchOptions.Default.Residents,
        };
        var tenants = new Option<int>("--tenants")
        {
            Description = "Tenants in the tables: the measured one holds N, every other one N/10 (so tenant filtering and RLS do real work)",
            DefaultValueFactory = _ => RegistrySearchOptions.Default.Tenants,
        };
        var queries = new Option<int>("--queries")
        {
            Description = "Measured searches per query kind, per variant (baseline, query, SearchAsync) and per client count",
            DefaultValueFactory = _ => RegistrySearchOptions.Default.Queries,
        };
        var warmup = new Option<int>("--warmup")
        {
            Description = "Unmeasured searches per kind and variant before each measurement (default: queries / 10, at least 50)",
        };
        var clients = new Option<int>("--clients")
        {
            Description = "Concurrent clients of the concurrent variant (the single-client variant always runs)",
            DefaultValueFactory = _ => RegistrySearchOptions.Default.Clients,
        };
        var provider = new Option<string>("--provider")
        {
            Description = "postgresql, sqlite or both",
            DefaultValueFactory = _ => "postgresql",
        };
        provider.AcceptOnlyFromAmong("postgresql", "sqlite", "both");
        var kinds = new Option<string[]>("--kinds")
        {
            Description = "Query kinds to measure (default all): " + string.Join(", ", SearchKinds.All.Select(k => k.Option())),
            AllowMultipleArgumentsPerToken = true,
        };
        kinds.AcceptOnlyFromAmong([.. SearchKinds.All.Select(k => k.Option())]);
        var candidate = new Option<string[]>("--candidate-sql")
        {
            Description = "SQL run as the owner after the first measurement (e.g. a CREATE INDEX to try; after --recommended-indexes if both are given); every kind is then measured again. Repeatable",
        };
        var recommended = new Option<bool>("--recommended-indexes")
        {
            Description = "After the first measurement, apply the recommended index change (docs/performance.md) and measure every kind again",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the generated residents and of the query mix",
            DefaultValueFactory = _ => RegistrySearchOptions.Default.Seed,
        };
        var markdown = new Option<FileInfo?>("--markdown")
        {
            Description = "Also write the Markdown results (tables, notes and the query plans) to this file",
        };

        var command = new Command("registry-search",
            "Resident search (ResidentQueries.SearchAsync, with and without its audit append) over generated residents, against hand-written SQL of the same predicate")
        {
            residents, tenants, queries, warmup, clients, provider, kinds, recommended, candidate, seed, markdown,
        };
        foreach (var (option, min) in new[] { (residents, 100), (tenants, 1), (queries, 3), (warmup, 0), (clients, 1) })
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int>() < min) r.AddError($"{option.Name} must be at least {min}");
            });
        command.SetAction(async (r, ct) =>
        {
            var q = r.GetValue(queries);
            var selected = r.GetValue(kinds) is { Length: > 0 } k ? SearchKinds.All.Where(x => k.Contains(x.Option())).ToArray() : SearchKinds.All;
            var options = new RegistrySearchOptions(
                Residents: r.GetValue(residents),
                Tenants: r.GetValue(tenants),
                Queries: q,
                Warmup: r.GetResult(warmup) is null ? Math.Max(50, q / 10) : r.GetValue(warmup),
                Clients: r.GetValue(clients),
                Providers: r.GetValue(provider) switch
                {
                    "sqlite" => [DatabaseProvider.Sqlite],
                    "both" => [DatabaseProvider.PostgreSql, DatabaseProvider.Sqlite],
                    _ => [DatabaseProvider.PostgreSql],
                },
                Kinds: selected,
                RecommendedIndexes: r.GetValue(recommended),
                CandidateSql: r.GetValue(candidate) ?? [],
                Seed: r.GetValue(seed),
                MarkdownFile: r.GetValue(markdown));
            return await new RegistrySearchBenchmark(options, Console.Out).RunAsync(ct);
        });
        return command;
    }
}

internal sealed record RegistrySearchOptions(
    int Residents, int Tenants, int Queries, int Warmup, int Clients, IReadOnlyList<DatabaseProvider> Providers,
    IReadOnlyList<SearchKind> Kinds, bool RecommendedIndexes, IReadOnlyList<string> CandidateSql, int Seed, FileInfo? MarkdownFile)
{
    public static readonly RegistrySearchOptions Default = new(
        Residents: 1_000_000, Tenants: 3, Queries: 2000, Warmup: 200, Clients: 8, Providers: [DatabaseProvider.PostgreSql],
        Kinds: SearchKinds.All, RecommendedIndexes: false, CandidateSql: [], Seed: 20261126, MarkdownFile: null);
}
