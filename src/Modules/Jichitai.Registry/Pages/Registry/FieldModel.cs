namespace Jichitai.Registry.Pages.Registry;

/// <summary>One labelled text input with its field error (partial _Field).</summary>
public sealed record FieldModel(string Name, string Label, string? Value, string? Error, bool ReadOnly, string? Hint = null)
{
    /// <summary>On the read-back screen, how a typed date was understood (e.g. "S55.6.1" → 昭和55年6月1日).</summary>
    public string? Interpreted { get; init; }
    /// <summary>Id of a datalist of suggestions (住所辞書, 方書, 本籍 candidates); typing stays free.</summary>
    public string? List { get; init; }
}

/// <summary>和暦 display of dates on the counter pages (standard 1.1.9).</summary>
public static class Wareki
{
    public static string Long(DateOnly d) => Domain.Dates.WarekiFormatter.Format(d);
    public static string Long(DateOnly? d) => d is { } x ? Long(x) : "—";

    /// <summary>The 和暦 reading of a date as typed, or null when it does not parse.</summary>
    public static string? Typed(string? text) =>
        Domain.Dates.JapaneseDateParser.TryParse(text, out var d, out _) ? $"{Long(d)}({d:yyyy-MM-dd})" : null;
}
