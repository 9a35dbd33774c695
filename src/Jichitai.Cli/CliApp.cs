using System.CommandLine;
using Jichitai.Cli.Commands;

namespace Jichitai.Cli;

/// <summary>The <c>jichitai</c> command tree. Tests build and run it in-process and capture its output.</summary>
public static class CliApp
{
    /// <summary>The root command, writing to the process console.</summary>
    public static RootCommand Build() => Build(new CliIO(null, null, null));

    internal static RootCommand Build(CliIO io)
    {
        var env = new CliEnvironment(io);
        var root = new RootCommand("自治体クラウドの運用ツール(団体・職員アカウント・アクセスログ・データベース) / JichitaiCloud operator tool: tenants, staff accounts, audit log, database");
        root.Options.Add(env.Database);
        root.Options.Add(env.Keys);
        root.Subcommands.Add(DbCommands.Build(env));
        root.Subcommands.Add(TenantCommands.Build(env));
        root.Subcommands.Add(UserCommands.Build(env));
        root.Subcommands.Add(AuditCommands.Build(env));
        root.Subcommands.Add(DemoCommands.Build(env));
        root.Subcommands.Add(MigrateCommands.Build(env));
        root.Subcommands.Add(LinkageCommands.Build(env));
        root.Subcommands.Add(CareCommands.Build(env));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; null writers and reader mean the process console.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, TextReader? stdin = null)
    {
        var io = new CliIO(stdout, stderr, stdin);
        var config = new InvocationConfiguration { Output = io.Out, Error = io.Error };
        if (io.InProcess) config.ProcessTerminationTimeout = null; // no Ctrl+C handlers for an embedded run
        return Build(io).Parse(args).InvokeAsync(config);
    }
}
