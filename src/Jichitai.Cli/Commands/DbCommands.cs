using System.CommandLine;
using Jichitai.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;
using static Jichitai.Cli.Output;

namespace Jichitai.Cli.Commands;

/// <summary><c>db migrate</c>.</summary>
internal static class DbCommands
{
    public static Command Build(CliEnvironment env)
    {
        var migrate = new Command("migrate", "データベースを作成・最新化する(マイグレーションの適用) / Create or upgrade the database (apply migrations)");
        migrate.SetCliAction(env, async (s, _, ct) =>
        {
            s.Line($"データベース / database: {E(s.Settings.Database.Display)}");
            var applied = await MigrateAsync(s, ct);
            if (applied.Count == 0) s.Line("最新です / up to date");
            else foreach (var m in applied) s.Line($"適用しました / applied: {E(m)}");
            return ExitCodes.Ok;
        }, DatabaseUse.Creates);

        return new Command("db", "データベースの管理 / Database management") { migrate };
    }

    public static Task<IReadOnlyList<string>> MigrateAsync(CliSession s, CancellationToken ct) =>
        s.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
}
