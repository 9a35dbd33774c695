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
    public static string Long(DateOnly d) => Jichitai.Platform.Dates.WarekiFormatter.Format(d);
    public static string Long(DateOnly? d) => d is { } x ? Long(x) : "—";

    /// <summary>The 和暦 reading of a date as typed, or null when it does not parse.</summary>
    public static string? Typed(string? text) =>
        Jichitai.Platform.Dates.JapaneseDateParser.TryParse(text, out var d, out _) ? $"{Long(d)}({d:yyyy-MM-dd})" : null;
}

/// <summary>One labelled drop-down with its field error (partial _Select); on the read-back it is disabled and its value posted hidden.</summary>
public sealed record SelectModel(string Name, string Label, string? Value, IReadOnlyList<string> Options, string? Error, bool ReadOnly, string? EmptyOption = "(選択)")
{
    /// <summary>The first field of a page gets the focus (keyboard operation, 標準2.3.2).</summary>
    public bool Autofocus { get; init; }
}

/// <summary>The 外国人住民の記載事項 inputs (partial _ForeignItems): form names start with <paramref name="Prefix"/>, errors with <paramref name="ErrorPath"/>.</summary>
public sealed record ForeignItemsFields(ForeignItemsForm Form, string Prefix, string ErrorPath, FormErrors Errors, bool ReadOnly, IReadOnlyList<string> Categories);

/// <summary>The members who stay when a head leaves (partial _RemainingHousehold): new head and each member's new 続柄.</summary>
public sealed record RemainingHouseholdFields(IReadOnlyList<Features.Search.ResidentSummary> Members, IReadOnlyDictionary<string, string?> Relationships,
    string? RemainingHead, FormErrors Errors, bool ReadOnly);

/// <summary>The form of a one-number page (partial _ResidentNumberForm).</summary>
public sealed record ResidentNumberForm(ResidentNumberPageModel Page, string TestId, string NumberName, string NumberLabel, string NumberField,
    Func<Features.Search.ResidentDetail, string?> Current);
