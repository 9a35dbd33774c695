using Spectre.Console;
using Spectre.Console.Rendering;

namespace Jichitai.Cli;

/// <summary>Small helpers so that data (names, messages) is never parsed as Spectre markup.</summary>
internal static class Output
{
    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var h in headers) table.AddColumn(new TableColumn(new Text(h)));
        return table;
    }

    public static void Row(this Table table, params string[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());

    public static string E(object? value) => Markup.Escape(value?.ToString() ?? "");
}
