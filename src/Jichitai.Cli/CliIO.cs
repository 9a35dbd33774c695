using Spectre.Console;

namespace Jichitai.Cli;

/// <summary>Where a run reads and writes: the process console, or the writers a test passed in.</summary>
internal sealed class CliIO(TextWriter? stdout, TextWriter? stderr, TextReader? stdin)
{
    public TextWriter Out { get; } = stdout ?? Console.Out;
    public TextWriter Error { get; } = stderr ?? Console.Error;
    public TextReader In { get; } = stdin ?? Console.In;
    public bool InProcess => stdout is not null || stderr is not null || stdin is not null;

    /// <summary>A hidden password prompt needs a real terminal.</summary>
    public bool CanPrompt => stdin is null && !Console.IsInputRedirected;

    public IAnsiConsole CreateConsole()
    {
        if (stdout is null)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings());
            if (Console.IsOutputRedirected) console.Profile.Width = 200; // no wrapping in files and pipes
            return console;
        }
        var captured = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        captured.Profile.Width = 200;
        return captured;
    }
}
