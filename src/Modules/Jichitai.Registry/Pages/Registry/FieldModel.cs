namespace Jichitai.Registry.Pages.Registry;

/// <summary>One labelled text input with its field error (partial _Field).</summary>
public sealed record FieldModel(string Name, string Label, string? Value, string? Error, bool ReadOnly, string? Hint = null);

/// <summary>和暦 display of dates on the counter pages (standard 1.1.9).</summary>
public static class Wareki
{
    public static string Long(DateOnly d) => Domain.Dates.WarekiFormatter.Format(d);
    public static string Long(DateOnly? d) => d is { } x ? Long(x) : "—";
}
