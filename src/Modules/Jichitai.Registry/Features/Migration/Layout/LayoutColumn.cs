namespace Jichitai.Registry.Features.Migration.Layout;

/// <summary>How a column's text is read (and written back): the rule docs/migration-layout.md shows for it.</summary>
public enum ColumnType
{
    /// <summary>半角数字 only (番号 items: leading zeros are kept).</summary>
    Digits,
    /// <summary>An integer (連番, 順位, 金額).</summary>
    Number,
    /// <summary>Any text of the encoding, no line breaks.</summary>
    Text,
    /// <summary>全角カタカナ, 長音 and the ideographic space.</summary>
    Kana,
    /// <summary>西暦 YYYYMMDD (written) or YYYY-MM-DD, or 和暦 年号コード + YYMMDD (7 digits).</summary>
    Date,
    /// <summary>西暦 YYYY-MM-DD HH:MM:SS, 日本時間.</summary>
    DateTime,
    /// <summary>One code of the column's code list.</summary>
    Code,
    /// <summary>1 (yes) or 0 (no).</summary>
    Flag,
}

/// <summary>
/// One column of a migration file: its item name (the header), type, maximum length in characters, whether it is required,
/// its code list, and an example. The importer checks exactly these rules; the exporter writes exactly this form.
/// </summary>
public sealed record LayoutColumn(string Name, ColumnType Type, int MaxLength, bool Required, string Description, string Example,
    CodeList? Codes = null);

/// <summary>
/// A code list (コード表): each code and its meaning. A composed list (続柄: one code per generation) lists its parts and
/// decides membership with <paramref name="Accepts"/>.
/// </summary>
public sealed record CodeList(string Name, IReadOnlyList<(string Code, string Label)> Entries, string? Note = null, Func<string, bool>? Accepts = null)
{
    private readonly HashSet<string> _codes = Entries.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);

    public bool Contains(string code) => Accepts?.Invoke(code) ?? _codes.Contains(code);

}

/// <summary>One file of the layout: name, title, the order its rows must come in, and its columns (in file order).</summary>
public sealed record LayoutFile(string FileName, string Title, string Order, string Description, IReadOnlyList<LayoutColumn> Columns)
{
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++) if (Columns[i].Name == column) return i;
        throw new ArgumentException($"{FileName} has no column {column}", nameof(column));
    }
}
