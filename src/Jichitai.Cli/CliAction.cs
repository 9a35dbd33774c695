using System.CommandLine;
using System.Data.Common;
using System.Net.Sockets;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Cli;

internal enum DatabaseUse
{
    /// <summary>The database must exist and be migrated (most commands).</summary>
    Existing,
    /// <summary>The command creates or migrates the database itself.</summary>
    Creates,
    /// <summary>The command works on files only and never opens the database.</summary>
    None,
}

/// <summary>Runs a command body in a session and turns expected failures into a message and an exit code.</summary>
internal static class CliAction
{
    public static void SetCliAction(this Command command, CliEnvironment env,
        Func<CliSession, ParseResult, CancellationToken, Task<int>> body, DatabaseUse use = DatabaseUse.Existing) =>
        command.SetAction((result, ct) => RunAsync(env, result, body, use, ct));

    private static async Task<int> RunAsync(CliEnvironment env, ParseResult result,
        Func<CliSession, ParseResult, CancellationToken, Task<int>> body, DatabaseUse use, CancellationToken ct)
    {
        var err = env.IO.Error;
        PlatformSettings settings;
        try
        {
            settings = PlatformSettings.Resolve(result.GetValue(env.Database), result.GetValue(env.Keys), Environment.CurrentDirectory);
        }
        catch (ArgumentException ex)
        {
            err.WriteLine($"エラー: --database の値を解釈できません / cannot parse the --database value: {ex.Message}");
            return ExitCodes.DatabaseUnavailable;
        }

        await using var session = new CliSession(settings, env.IO);
        try
        {
            if (use == DatabaseUse.Existing && await PreflightAsync(settings, ct) is { } problem)
            {
                err.WriteLine($"エラー: {problem}");
                return ExitCodes.DatabaseUnavailable;
            }
            return await body(session, result, ct);
        }
        catch (DomainException ex)
        {
            err.WriteLine(ex.Field is null ? $"エラー: {ex.Message}" : $"エラー: {ex.Message} (項目 / field: {FieldName(ex.Field)})");
            return ExitCodes.Refused;
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            err.WriteLine($"エラー: データベースに接続できません / cannot reach the database ({settings.Database.Display}): {Innermost(ex).Message}");
            return ExitCodes.DatabaseUnavailable;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            err.WriteLine("中断しました / cancelled");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>Null when the database exists, answers and has every platform migration; else the reason, in Japanese and English.</summary>
    private static async Task<string?> PreflightAsync(PlatformSettings settings, CancellationToken ct)
    {
        const string migrateHint = "`jichitai db migrate` を実行してください / run `jichitai db migrate`";
        if (settings.Database.SqliteFile is { } file && !File.Exists(file))
            return $"データベースファイルがありません / database file not found: {file}\n{migrateHint}(--database を確認 / or check --database)";
        int pending;
        try
        {
            await using var db = PlatformDatabase.Create(settings.Database, TenantScope.System);
            pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException or SocketException)
        {
            return $"データベースに接続できません / cannot reach the database ({settings.Database.Display}): {Innermost(ex).Message}\n" +
                   "--database または環境変数 JICHITAI_DATABASE を確認してください / check --database or JICHITAI_DATABASE";
        }
        return pending == 0 ? null
            : $"データベースが最新ではありません(未適用のマイグレーション {pending} 件) / database schema is not up to date ({pending} pending migrations): {settings.Database.Display}\n{migrateHint}";
    }

    /// <summary>Connection-level failures (not SQL errors): refused, timed out, unknown database, bad credentials, unopenable file.</summary>
    private static bool IsUnreachable(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("28", StringComparison.Ordinal)
                        || pg.SqlState is "3D000" or "57P01" or "57P02" or "57P03";
                case Npgsql.NpgsqlException:
                case SocketException:
                    return true;
                case Microsoft.Data.Sqlite.SqliteException sqlite:
                    return sqlite.SqliteErrorCode is 14 /* CANTOPEN */ or 26 /* NOTADB */;
            }
        }
        return false;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null && ex is not DbException) ex = ex.InnerException;
        return ex;
    }

    /// <summary>The platform names fields as the web forms do; show the CLI option instead.</summary>
    private static string FieldName(string field) => field switch
    {
        "code" => "--code",
        "name" or "displayName" => "--name",
        "nameKana" => "--kana",
        "prefecture" => "--prefecture",
        "class" => "--class",
        "userName" => "--user",
        "roles" => "--role",
        "password" => "パスワード / password",
        _ => field,
    };
}
