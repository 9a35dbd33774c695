using System.CommandLine;
using System.Text.RegularExpressions;

namespace Jichitai.Cli.Tests;

/// <summary>The command tree itself: help, descriptions, parse errors.</summary>
public class CliAppTests
{
    private static readonly Regex Japanese = new(@"[\u3040-\u30FF\u4E00-\u9FFF]");
    private static readonly Regex English = new(@"[A-Za-z]{3,}");

    [Fact]
    public async Task RootHelp_IsJapaneseAndEnglish()
    {
        var result = await Cli.RunAsync(["--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("自治体クラウド", result.Stdout);
        Assert.Contains("団体", result.Stdout);
        Assert.Contains("--database", result.Stdout);
        foreach (var group in new[] { "db", "tenant", "user", "audit", "demo" }) Assert.Contains(group, result.Stdout);
    }

    [Fact]
    public async Task TenantCreateHelp_IsJapanese()
    {
        var result = await Cli.RunAsync(["tenant", "create", "--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("団体を登録する / Register a tenant", result.Stdout);
        Assert.Contains("地方公共団体コード", result.Stdout);
        Assert.Contains("--code", result.Stdout);
    }

    [Fact]
    public async Task UnknownOption_IsAParseError()
    {
        var result = await Cli.RunAsync(["tenant", "list", "--no-such-option"]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--no-such-option", result.Stderr);
    }

    [Fact]
    public async Task UnknownCommand_IsAParseError()
    {
        var result = await Cli.RunAsync(["tenants"]);
        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public void EveryCommandAndOption_IsDescribedInJapaneseAndEnglish()
    {
        var missing = new List<string>();
        void Walk(Command command, string path)
        {
            Check(path, command.Description);
            foreach (var o in command.Options.Where(o => o.Name is not ("--help" or "--version"))) Check($"{path} {o.Name}", o.Description);
            foreach (var sub in command.Subcommands) Walk(sub, $"{path} {sub.Name}");
        }
        void Check(string what, string? description)
        {
            if (description is null || !Japanese.IsMatch(description) || !English.IsMatch(description)) missing.Add(what);
        }
        Walk(CliApp.Build(), "jichitai");
        Assert.Empty(missing);
    }
}
